import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DoctorReport } from '../../electron/cli/commands/doctor'
import { runEvident } from './run-cli'

const ROOT = resolve(__dirname, '../..')
const PREBUILD = join(ROOT, 'node_modules', 'better-sqlite3', 'prebuilds', `${process.platform}-${process.arch}.node`)
const BUILT = ['out/main/index.js', 'out/main/server.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((p) => existsSync(join(ROOT, p)))
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
const installed = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0

let dir: string
const saved = { ...process.env }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evident-doctor-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  for (const key of ['EVIDENT_SQLITE_BINDING', 'ELECTRON_OVERRIDE_DIST_PATH']) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
})

const doctor = (...argv: string[]) => runEvident(dir, ['doctor', ...argv])

describe('evident doctor, for a support request', () => {
  it('is listed in the help', async () => {
    expect((await runEvident(dir, ['--help'])).out).toMatch(/^ {2}doctor +Report versions/m)
    expect((await runEvident(dir, ['help', 'doctor'])).out).toContain('evident doctor [--json]')
  })

  it('reports this machine truthfully in plain text', async () => {
    const { code, out } = await doctor()
    expect(code).toBe(BUILT ? 0 : 1)
    expect(out.split('\n')[0]).toBe(BUILT ? 'Evident doctor: everything Evident needs is here.' : 'Evident doctor: one thing Evident needs is missing or broken.')
    expect(out).toMatch(/^Evident +0\.\d+\.\d+ /m)
    expect(out).toContain(`Node      ${process.versions.node}`)
    expect(out).toMatch(new RegExp(`^Electron +${ELECTRON_VERSION.replace(/\./g, '\\.')} \\(ABI \\d+\\)`, 'm'))
    expect(out).toMatch(new RegExp(`^Platform +${process.platform} ${process.arch}, `, 'm'))
    expect(out).toContain(`  Node      loads ${PREBUILD} (node-api prebuild, SQLite 3.`)
    expect(out).toMatch(/^ {2}Electron +.*same file as Node \(Node-API, ABI-independent\)/m)
    expect(out).toContain(`User data        ${join(dir, 'user-data')}`)
    expect(out).toContain(`Default project  ${join(dir, 'user-data', 'Evident Project.evident')} (created on first start)`)
    expect(out).toContain(`Resources        ${join(ROOT, 'resources')}`)
    if (installed('pandoc')) expect(out).toMatch(/^ {2}pandoc +\S+: pandoc \d+\.\d+/m)
    if (installed('soffice')) expect(out).toMatch(/^ {2}LibreOffice +\S+: LibreOffice \d+\.\d+/m)
    if (existsSync('/usr/bin/chromium')) expect(out).toMatch(/^ {2}Chromium +\/usr\/bin\/chromium: Chromium \d+\./m)
    // Plain text: nothing but printable characters and newlines, whatever the tools print.
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/)
  })

  it('--json gives the same report for a machine to read', async () => {
    const { code, out } = await doctor('--json')
    expect(code).toBe(BUILT ? 0 : 1)
    const report = JSON.parse(out) as DoctorReport
    expect(report.ok).toBe(BUILT)
    expect(report.evident.appDir).toBe(ROOT)
    expect(report.node).toMatchObject({ version: process.versions.node, supported: true })
    expect(report.node.sqliteDriver).toMatchObject({ runtime: `Node ${process.versions.node}`, path: PREBUILD, kind: 'node-api prebuild', loads: true })
    expect(report.electron).toMatchObject({ installed: true, version: ELECTRON_VERSION })
    if (report.electron.installed) {
      expect(report.electron.sqliteDriver).toMatchObject({ runtime: `Electron ${ELECTRON_VERSION}`, path: PREBUILD, abiIndependent: true })
      // Where Electron's binary is absent (our build machines), the driver is not claimed to load there.
      if (!report.electron.binaryPresent) expect(report.electron.sqliteDriver.loads).toBeNull()
    }
    // The document reader really starts and reads a line, under the permission model, where the app is built.
    if (BUILT) expect(report.reader).toMatchObject({ entry: join(ROOT, 'out', 'main', 'parser.js'), reads: true })
    expect(report.platform).toMatchObject({ os: process.platform, arch: process.arch })
    expect(report.paths).toMatchObject({ userData: join(dir, 'user-data'), defaultProjectExists: false, built: BUILT, resources: join(ROOT, 'resources') })
    expect(report.tools.map((t) => t.name)).toEqual(['Chromium', 'LibreOffice', 'pandoc'])
    if (installed('pandoc')) expect(report.tools[2]).toMatchObject({ path: expect.any(String), version: expect.stringMatching(/^pandoc \d/) })
    expect(Array.isArray(report.problems) && Array.isArray(report.warnings)).toBe(true)
  })

  it('exits 1 and names the SQLite driver when the driver cannot be loaded', async () => {
    const missing = join(dir, 'nowhere', 'better_sqlite3.node')
    process.env.EVIDENT_SQLITE_BINDING = missing
    const { code, out } = await doctor()
    expect(code).toBe(1)
    expect(out).toContain(`  Node      DOES NOT LOAD ${missing} (override)`)
    expect(out).toMatch(/^Missing or broken:$/m)
    expect(out).toContain(`  - SQLite driver: Evident's database driver could not be loaded: Node ${process.versions.node} could not load ${missing} (the file is missing).`)
    const report = JSON.parse((await doctor('--json')).out) as DoctorReport
    expect(report.ok).toBe(false)
    expect(report.node.sqliteDriver).toMatchObject({ loads: false, kind: 'override', path: missing })
    expect(report.problems.some((p) => p.startsWith('SQLite driver:'))).toBe(true)
  })

  it.skipIf(process.platform === 'win32')('where the Electron binary is present it loads the driver inside it, and says when it does not', async () => {
    const dist = join(dir, 'electron-dist')
    mkdirSync(dist)
    const fake = join(dist, 'electron')
    // Stands in for Electron run as Node (ELECTRON_RUN_AS_NODE): the same -e path is taken.
    writeFileSync(fake, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} "$@"\n`)
    chmodSync(fake, 0o755)
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist
    const working = JSON.parse((await doctor('--json')).out) as DoctorReport
    expect(working.electron).toMatchObject({ binaryPresent: true, binary: fake, sqliteDriver: { loads: true } })

    writeFileSync(fake, '#!/bin/sh\necho "cannot open shared object" >&2\nexit 1\n')
    const broken = await doctor('--json')
    expect(broken.code).toBe(1)
    const report = JSON.parse(broken.out) as DoctorReport
    expect(report.electron).toMatchObject({ binaryPresent: true, sqliteDriver: { loads: false } })
    expect(report.problems).toContain('SQLite driver in Electron: Electron exited with 1 before answering: cannot open shared object.')
  })
})
