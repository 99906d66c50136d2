import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportSummary, SourceDetail } from '@shared/dto/sources'
import { useFixtureServer } from '../helpers/fixture-server'
import { ARTICLE_DOI, serviceEnv, serviceRoutes } from '../helpers/service-fixtures'
import { webRoutes } from '../helpers/web-pages'
import { useEvidentProcess } from './run-cli'

const server = useFixtureServer(async () => ({ ...(await webRoutes()), ...serviceRoutes() }))
const cli = useEvidentProcess('evident-cli-lookup-', () => serviceEnv(server))

describe('evident lookup', () => {
  it('shows the difference, changes nothing until --accept, then takes only the fields named', async () => {
    const project = join(cli.dir, 'Lookup.evident')
    expect((await cli.evident('new', '--project', project)).code).toBe(0)
    const imported = JSON.parse((await cli.evident('import', '--project', project, '--url', server.url('/articles/under-pressure'), '--json')).stdout) as ImportSummary
    const id = imported.imported[0]!.sourceId
    const shown = await cli.evident('lookup', '--project', project, '--source', id, '--doi', ARTICLE_DOI)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('DOI content negotiation has 4 fields that differ from the record')
    expect(shown.stdout).toMatch(/ {2}author\n {4}record: Jones, Roger; Smith, Alice\n {4}found: {2}Jones, Roger; Smith, Alice B\./)
    expect(shown.stdout).toContain('Nothing was changed.')

    const accepted = await cli.evident('lookup', '--project', project, '--source', id, '--doi', ARTICLE_DOI, '--accept', 'author', '--json')
    expect(accepted.code).toBe(0)
    expect(JSON.parse(accepted.stdout)).toMatchObject({ accepted: ['author'], record: { author: [{ family: 'Jones' }, { family: 'Smith', given: 'Alice B.' }], title: 'Under pressure: general practice in 2026' } })
    const source = JSON.parse((await cli.evident('sources', '--project', project, '--json')).stdout) as SourceDetail[]
    expect(source[0]!.authors).toContain('Smith')
  })

  it('refuses a wrong-shape identifier and a DOI that resolves to nothing with a plain line', async () => {
    const project = join(cli.dir, 'Bad.evident')
    expect((await cli.evident('new', '--project', project)).code).toBe(0)
    const imported = JSON.parse((await cli.evident('import', '--project', project, '--url', server.url('/reports/integrated-care'), '--json')).stdout) as ImportSummary
    const id = imported.imported[0]!.sourceId
    const shape = await cli.evident('lookup', '--project', project, '--source', id, '--pmid', 'abc')
    expect(shape.code).toBe(1)
    expect(shape.stderr.trim()).toBe('evident: “abc” is not a PMID: a PMID is a number such as 33782057.')
    const nothing = await cli.evident('lookup', '--project', project, '--source', id, '--doi', '10.5555/nothing-here', '--json')
    expect(nothing.code).toBe(1)
    expect(JSON.parse(nothing.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/resolves to nothing/) } })
    expect((await cli.evident('lookup', '--project', project, '--source', id)).code).toBe(2)
  })
})
