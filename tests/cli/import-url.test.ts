import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportSummary, SourceSummary } from '@shared/dto/sources'
import { useFixtureServer } from '../helpers/fixture-server'
import { webRoutes } from '../helpers/web-pages'
import { useEvidentProcess } from './run-cli'

const web = useFixtureServer(webRoutes)
const cli = useEvidentProcess('evident-cli-url-')

describe('evident import --url', () => {
  it('fetches each address, imports pages, PDFs and .docx files, refuses a log-in wall, and says what it did', async () => {
    const project = join(cli.dir, 'Web.evident')
    expect((await cli.evident('new', '--project', project)).code).toBe(0)
    const result = await cli.evident('import', '--project', project, '--url', web.url('/short/up'), '--url', web.url('/files/annual-report'), web.url('/files/response.docx'), web.url('/members-only'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`address 1 of 4: ${web.url('/short/up')}`)
    expect(result.stdout).toContain('3 imported, 0 duplicates skipped, 1 failed.')
    expect(result.stdout).toContain(`imported  ${web.url('/short/up')}: “Under pressure: general practice in 2026”`)
    expect(result.stdout).toMatch(/DOI 10\.5555\/jpc\.2026\.012: evident lookup --source \S+ --doi 10\.5555\/jpc\.2026\.012/)
    expect(result.stdout).toMatch(/failed {4}.*members-only: Not an article/)
    expect(result.stderr).toContain('evident: 1 address could not be imported (see above).')
    const sources = JSON.parse((await cli.evident('sources', '--project', project, '--json')).stdout) as SourceSummary[]
    expect(sources.map((s) => s.format).sort()).toEqual(['docx', 'html', 'pdf'])
  })

  it('refuses a file: address and a missing --url without fetching or changing anything', async () => {
    const project = join(cli.dir, 'Refused.evident')
    expect((await cli.evident('new', '--project', project)).code).toBe(0)
    const refused = await cli.evident('import', '--project', project, '--url', 'file:///etc/passwd', '--json')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(/only http:\/\/ and https:\/\/ addresses, not file: ones/) } })
    const nothing = await cli.evident('import', '--project', project)
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('needs at least one file to import, or --url ADDRESS')
    const json = await cli.evident('import', '--project', project, '--url', web.url('/reports/integrated-care'), '--json')
    expect((JSON.parse(json.stdout) as ImportSummary).imported).toHaveLength(1)
  })
})
