import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve, sep } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { chooseSqliteDriver, describeSqliteDriver, loadSqliteDriver, SQLITE_BINDING_ENV, unpackedPath } from '../../electron/core/db/driver'
import { createProjectDatabase, openProjectDatabase } from '../../electron/core/db/open'
import { useTempDir } from '../helpers/temp'

const ROOT = resolve(__dirname, '../..')
const PACKAGE_DIR = join(ROOT, 'node_modules', 'better-sqlite3')
const TARGET = `${process.platform}-${process.arch}`
const PREBUILD = join(PACKAGE_DIR, 'prebuilds', `${TARGET}.node`)

/** A copy of better-sqlite3's package layout, so a stray build/Release can be planted without touching node_modules. */
function copyPackage(into: string): string {
  const dir = join(into, 'better-sqlite3')
  mkdirSync(join(dir, 'prebuilds'), { recursive: true })
  copyFileSync(join(PACKAGE_DIR, 'package.json'), join(dir, 'package.json'))
  cpSync(join(PACKAGE_DIR, 'lib'), join(dir, 'lib'), { recursive: true })
  copyFileSync(PREBUILD, join(dir, 'prebuilds', `${TARGET}.node`))
  return dir
}

function catchError(work: () => unknown): Error & { code?: string } {
  try {
    work()
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected a failure')
}

describe('which SQLite driver Evident loads', () => {
  const temp = useTempDir('evident-driver-')
  const savedOverride = process.env[SQLITE_BINDING_ENV]
  afterEach(() => {
    if (savedOverride === undefined) delete process.env[SQLITE_BINDING_ENV]
    else process.env[SQLITE_BINDING_ENV] = savedOverride
  })

  it('under Node it is the Node-API prebuild shipped in better-sqlite3, and it loads', () => {
    expect(chooseSqliteDriver({ env: {} })).toEqual({ path: PREBUILD, kind: 'node-api prebuild' })
    const report = describeSqliteDriver({ env: {} })
    expect(report).toMatchObject({ runtime: `Node ${process.versions.node}`, path: PREBUILD, kind: 'node-api prebuild', loads: true })
    expect(report.sqliteVersion).toMatch(/^3\.\d+\.\d+$/)
  })

  it('ignores a build/Release left next to it, which better-sqlite3 on its own would load first', () => {
    const dir = copyPackage(temp())
    mkdirSync(join(dir, 'build', 'Release'), { recursive: true })
    // What a rebuild for the other runtime leaves behind, as far as this runtime is concerned: unloadable.
    writeFileSync(join(dir, 'build', 'Release', 'better_sqlite3.node'), 'compiled for another runtime')
    const copiedDefault = createRequire(join(dir, 'lib', 'index.js'))('./index.js') as typeof Database
    expect(() => new copiedDefault(':memory:')).toThrow(/build[/\\]Release[/\\]better_sqlite3\.node/)

    const choice = chooseSqliteDriver({ packageDir: dir, env: {} })
    expect(choice).toEqual({ path: join(dir, 'prebuilds', `${TARGET}.node`), kind: 'node-api prebuild' })
    expect(loadSqliteDriver({ packageDir: dir, env: {} })).toHaveProperty('Database')
    const db = new copiedDefault(':memory:', { nativeBinding: choice.path })
    expect(db.prepare('SELECT 1 + 1 AS two').get()).toEqual({ two: 2 })
    db.close()
  })

  it(`honours ${SQLITE_BINDING_ENV} when it names a driver on purpose`, () => {
    const custom = join(temp(), 'custom', 'better_sqlite3.node')
    mkdirSync(join(temp(), 'custom'))
    copyFileSync(PREBUILD, custom)
    const env = { [SQLITE_BINDING_ENV]: custom }
    expect(chooseSqliteDriver({ env })).toEqual({ path: custom, kind: 'override' })
    expect(describeSqliteDriver({ env })).toMatchObject({ path: custom, kind: 'override', loads: true })
  })

  it('a missing driver says which runtime could not load which file, and the command that fixes it', () => {
    const dir = join(temp(), 'better-sqlite3')
    mkdirSync(dir)
    const missing = catchError(() => loadSqliteDriver({ packageDir: dir, env: {} }))
    expect(missing.code).toBe('INTERNAL')
    expect(missing.message).toContain(`Node ${process.versions.node} could not load ${join(dir, 'prebuilds', `${TARGET}.node`)}`)
    expect(missing.message).toContain('the file is missing')
    expect(missing.message).toContain('npm ci')

    const inElectron = catchError(() => loadSqliteDriver({ packageDir: dir, env: {}, versions: { ...process.versions, electron: '45.6.1' } }))
    expect(inElectron.message).toContain('Electron 45.6.1 could not load')

    const override = join(temp(), 'nowhere.node')
    const named = catchError(() => loadSqliteDriver({ env: { [SQLITE_BINDING_ENV]: override } }))
    expect(named.message).toContain(`could not load ${override} (the file is missing)`)
    expect(named.message).toContain(`unset it`)
  })

  it('a file that is not a driver gives the same clear message, not a stack trace', () => {
    const fake = join(temp(), 'fake.node')
    writeFileSync(fake, 'this is text, not a native module')
    const error = catchError(() => loadSqliteDriver({ env: { [SQLITE_BINDING_ENV]: fake } }))
    expect(error.code).toBe('INTERNAL')
    expect(error.message).toMatch(new RegExp(`^Evident's database driver could not be loaded: Node \\S+ could not load .*fake\\.node \\(it is not a driver this runtime can use: `))
    expect(error.message).not.toMatch(/\n\s+at /)
    expect(describeSqliteDriver({ env: { [SQLITE_BINDING_ENV]: fake } })).toMatchObject({ loads: false, kind: 'override' })
  })

  it('an old Node is refused with a message before the driver could crash the process', () => {
    const error = catchError(() => loadSqliteDriver({ env: {}, versions: { ...process.versions, node: '20.20.2' } }))
    expect(error.message).toContain(`Node 20.20.2 is too old to load ${PREBUILD} (better-sqlite3 needs Node >=22)`)
    expect(error.message).toContain('Install Node 24 LTS')
  })

  it('a platform better-sqlite3 ships nothing for is named as such', () => {
    const choice = chooseSqliteDriver({ env: {}, platform: 'freebsd', arch: 'x64', musl: false })
    expect(choice.kind).toBe('no prebuild for this platform')
    expect(catchError(() => loadSqliteDriver({ env: {}, platform: 'freebsd', arch: 'x64', musl: false })).message).toContain('no prebuilt driver for freebsd-x64')
  })

  it('inside a packaged app it loads the driver from app.asar.unpacked, where native files must live', () => {
    const packed = join(sep, 'opt', 'Evident', 'resources', 'app.asar', 'node_modules', 'better-sqlite3')
    expect(chooseSqliteDriver({ packageDir: packed, env: {}, platform: 'linux', arch: 'x64', musl: false }).path).toBe(
      join(sep, 'opt', 'Evident', 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'),
    )
    expect(unpackedPath(PREBUILD)).toBe(PREBUILD)
  })

  it('the prebuild is a Node-API module, not tied to Node’s ABI, so Electron loads the same file', () => {
    const electronAbi = readFileSync(join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()
    // Different ABIs: a module compiled against Node's own ABI would be refused by Electron.
    expect(electronAbi).not.toBe(process.versions.modules)
    const bytes = readFileSync(PREBUILD).toString('latin1')
    expect(bytes).toContain('napi_register_module_v1')
    expect(bytes).not.toMatch(/node_register_module_v\d+/)
    const nm = spawnSync('nm', ['-D', PREBUILD], { encoding: 'utf8' })
    if (nm.status === 0) {
      expect(nm.stdout).toMatch(/ T napi_register_module_v1$/m)
      const undefinedSymbols = nm.stdout.split('\n').filter((line) => / U /.test(line)).map((line) => line.trim().split(/\s+/).pop()!)
      expect(undefinedSymbols.some((s) => s.startsWith('napi_'))).toBe(true)
      // Nothing from V8's or Node's C++ API, which is what ties an addon to one runtime's ABI.
      expect(undefinedSymbols.filter((s) => /^_ZN(2v8|4node)/.test(s))).toEqual([])
    }
  })

  it('a project is not called damaged when the driver is what failed, and nothing is written', () => {
    const project = join(temp(), 'Brief.evident')
    createProjectDatabase(project).close()
    const before = readFileSync(project)
    process.env[SQLITE_BINDING_ENV] = join(temp(), 'gone.node')
    const error = catchError(() => openProjectDatabase(project))
    expect(error.message).toContain('database driver could not be loaded')
    expect(error.message).not.toMatch(/damaged/)
    expect(readFileSync(project).equals(before)).toBe(true)
    const fresh = join(temp(), 'New.evident')
    expect(catchError(() => createProjectDatabase(fresh)).message).toContain('database driver could not be loaded')
    expect(existsSync(fresh)).toBe(false)
  })
})
