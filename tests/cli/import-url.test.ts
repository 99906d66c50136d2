import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportSummary, SourceSummary } from '@shared/dto/sources'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { webRoutes } from '../helpers/web-pages'

// A real `evident` process over the build, so every page is read by the parser processes, not in the CLI's
// own; it is run asynchronously because the fixture server answering it lives in this test's process.
const BIN = resolve(__dirname, '../../bin/evident.js')
const run = promisify(execFile)
let dir: string
let web: FixtureServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evident-cli-url-'))
  web = await startFixtureServer(await webRoutes())
})
afterAll(async () => {
  await web.close()
  rmSync(dir, { recursive: true, force: true })
})

async function evident(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...argv], { timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('evident import --url', () => {
  it('fetches each address, imports pages, PDFs and .docx files, refuses a log-in wall, and says what it did', async () => {
    const project = join(dir, 'Web.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    const result = await evident('import', '--project', project, '--url', web.url('/short/up'), '--url', web.url('/files/annual-report'), web.url('/files/response.docx'), web.url('/members-only'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`address 1 of 4: ${web.url('/short/up')}`)
    expect(result.stdout).toContain('3 imported, 0 duplicates skipped, 1 failed.')
    expect(result.stdout).toContain(`imported  ${web.url('/short/up')}: “Under pressure: general practice in 2026”`)
    expect(result.stdout).toMatch(/DOI 10\.5555\/jpc\.2026\.012: evident lookup --source \S+ --doi 10\.5555\/jpc\.2026\.012/)
    expect(result.stdout).toMatch(/failed {4}.*members-only: Not an article/)
    expect(result.stderr).toContain('evident: 1 address could not be imported (see above).')
    const sources = JSON.parse((await evident('sources', '--project', project, '--json')).stdout) as SourceSummary[]
    expect(sources.map((s) => s.format).sort()).toEqual(['docx', 'html', 'pdf'])
  })

  it('refuses a file: address and a missing --url without fetching or changing anything', async () => {
    const project = join(dir, 'Refused.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    const refused = await evident('import', '--project', project, '--url', 'file:///etc/passwd', '--json')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(/only http:\/\/ and https:\/\/ addresses, not file: ones/) } })
    const nothing = await evident('import', '--project', project)
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('needs at least one file to import, or --url ADDRESS')
    const json = await evident('import', '--project', project, '--url', web.url('/reports/integrated-care'), '--json')
    expect((JSON.parse(json.stdout) as ImportSummary).imported).toHaveLength(1)
  })
})
