import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SourceSummary } from '@shared/dto/sources'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { installZotero, zoteroEnv, zoteroLibrary } from '../helpers/zotero-fixtures'

// A real `evident` process over the build: the attachment files are read by the parser processes.
const BIN = resolve(__dirname, '../../bin/evident.js')
const run = promisify(execFile)
let dir: string
let server: FixtureServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evident-cli-zotero-'))
  server = await startFixtureServer()
  installZotero(server, zoteroLibrary(join(dir, 'Zotero')))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

async function evident(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...argv], { timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('evident zotero and evident import --zotero', () => {
  it('lists the library’s items with their keys and attachments, then imports chosen ones with their files', async () => {
    const env = zoteroEnv(server)
    const listed = await evident(env, 'zotero', 'pressure')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain('ABCD2345  Under pressure: general practice in 2026 (Jones and Smith, 2026)')
    expect(listed.stdout).toContain('+ Full Text PDF (application/pdf)')
    const project = join(dir, 'Zotero.evident')
    expect((await evident(env, 'new', '--project', project)).code).toBe(0)
    const result = await evident(env, 'import', '--project', project, '--zotero', 'ABCD2345', 'jklm2345', 'BIGG2345')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('item 1 of 3: Zotero item ABCD2345')
    expect(result.stdout).toContain('2 imported, 0 duplicates skipped, 1 failed.')
    expect(result.stdout).toContain('imported  Zotero item ABCD2345: “Under pressure: general practice in 2026”')
    expect(result.stdout).toMatch(/failed {4}Zotero item BIGG2345: “scan\.pdf” \(Zotero attachment HUGE2345\) is 100 MB/)
    expect(result.stderr).toContain('evident: 1 Zotero item could not be imported (see above).')
    const sources = JSON.parse((await evident(env, 'sources', '--project', project, '--json')).stdout) as SourceSummary[]
    expect(sources.map((s) => s.title).sort()).toEqual(['NHS long term workforce plan', 'Under pressure: general practice in 2026'])
  })

  it('says how to turn on the local API when Zotero does not answer, changing nothing', async () => {
    const env = { EVIDENT_ZOTERO_API: 'http://127.0.0.1:9/api' }
    const listed = await evident(env, 'zotero', '--json')
    expect(listed.code).toBe(1)
    expect(JSON.parse(listed.stdout).error).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/^Zotero is not running on this computer.*Allow other applications on this computer to communicate with Zotero/) })
    const project = join(dir, 'Offline.evident')
    expect((await evident(env, 'new', '--project', project)).code).toBe(0)
    const refused = await evident(env, 'import', '--project', project, '--zotero', 'ABCD2345')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/failed {4}Zotero item ABCD2345: Zotero is not running/)
    expect(JSON.parse((await evident(env, 'sources', '--project', project, '--json')).stdout)).toEqual([])
  })
})
