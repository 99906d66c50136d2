import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceSummary } from '@shared/dto/sources'
import { useFixtureServer } from '../helpers/fixture-server'
import { installZotero, zoteroEnv, zoteroLibrary } from '../helpers/zotero-fixtures'
import { useEvidentProcess } from './run-cli'

// A real `evident` process over the build: the attachment files are read by the parser processes.
const server = useFixtureServer()
const cli = useEvidentProcess('evident-cli-zotero-')
beforeAll(() => installZotero(server, zoteroLibrary(join(cli.dir, 'Zotero'))))

describe('evident zotero and evident import --zotero', () => {
  it('lists the library’s items with their keys and attachments, then imports chosen ones with their files', async () => {
    const env = zoteroEnv(server)
    const listed = await cli.evidentWith(env, 'zotero', 'pressure')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain('ABCD2345  Under pressure: general practice in 2026 (Jones and Smith, 2026)')
    expect(listed.stdout).toContain('+ Full Text PDF (application/pdf)')
    const project = join(cli.dir, 'Zotero.evident')
    expect((await cli.evidentWith(env, 'new', '--project', project)).code).toBe(0)
    const result = await cli.evidentWith(env, 'import', '--project', project, '--zotero', 'ABCD2345', 'jklm2345', 'BIGG2345')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('item 1 of 3: Zotero item ABCD2345')
    expect(result.stdout).toContain('2 imported, 0 duplicates skipped, 1 failed.')
    expect(result.stdout).toContain('imported  Zotero item ABCD2345: “Under pressure: general practice in 2026”')
    expect(result.stdout).toMatch(/failed {4}Zotero item BIGG2345: “scan\.pdf” \(Zotero attachment HUGE2345\) is 100 MB/)
    expect(result.stderr).toContain('evident: 1 Zotero item could not be imported (see above).')
    const sources = JSON.parse((await cli.evidentWith(env, 'sources', '--project', project, '--json')).stdout) as SourceSummary[]
    expect(sources.map((s) => s.title).sort()).toEqual(['NHS long term workforce plan', 'Under pressure: general practice in 2026'])
  })

  it('says how to turn on the local API when Zotero does not answer, changing nothing', async () => {
    const env = { EVIDENT_ZOTERO_API: 'http://127.0.0.1:9/api' }
    const listed = await cli.evidentWith(env, 'zotero', '--json')
    expect(listed.code).toBe(1)
    expect(JSON.parse(listed.stdout).error).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/^Zotero is not running on this computer.*Allow other applications on this computer to communicate with Zotero/) })
    const project = join(cli.dir, 'Offline.evident')
    expect((await cli.evidentWith(env, 'new', '--project', project)).code).toBe(0)
    const refused = await cli.evidentWith(env, 'import', '--project', project, '--zotero', 'ABCD2345')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/failed {4}Zotero item ABCD2345: Zotero is not running/)
    expect(JSON.parse((await cli.evidentWith(env, 'sources', '--project', project, '--json')).stdout)).toEqual([])
  })
})
