import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve, sep } from 'node:path'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { AppError } from '../errors'
import { column } from './statement'
import { parseChecked } from './stored'

/**
 * Which better-sqlite3 binary Evident loads, decided here rather than by better-sqlite3 itself.
 *
 * better-sqlite3 13 ships Node-API prebuilds inside its npm package. Node-API is ABI-stable, so the one
 * prebuild serves Node (tests, CLI, browser mode) and Electron alike. Left to itself, better-sqlite3 would
 * first load build/Release/better_sqlite3.node if one exists; electron-builder's rebuild or a stray
 * node-gyp run leaves exactly such a file, compiled for the other runtime, and the app then fails to
 * start with "compiled against a different Node.js version". So the prebuild is chosen on purpose and
 * handed over through the `nativeBinding` option; only EVIDENT_SQLITE_BINDING can name another file.
 */

export const SQLITE_BINDING_ENV = 'EVIDENT_SQLITE_BINDING'

export type SqliteDriverKind = 'node-api prebuild' | 'override' | 'no prebuild for this platform'

export interface SqliteDriverChoice {
  path: string
  kind: SqliteDriverKind
}

export interface SqliteDriverOptions {
  /** better-sqlite3's package folder; tests point it at a copy of the package layout. */
  packageDir?: string
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  arch?: string
  /** Whether the C library is musl (Alpine); detected when not given. */
  musl?: boolean
  versions?: NodeJS.ProcessVersions
}

export interface SqliteDriverReport extends SqliteDriverChoice {
  /** e.g. "Node 24.22.3" or "Electron 45.6.1" */
  runtime: string
  loads: boolean
  /** The SQLite library inside the driver, when it loads. */
  sqliteVersion?: string
  error?: string
}

/** The opaque addon object better-sqlite3 accepts as `nativeBinding`. */
export type SqliteAddon = object

const PREBUILD_PLATFORMS = ['linux', 'darwin', 'win32']
const PREBUILD_ARCHS = ['x64', 'arm64']
const FIX = 'Reinstall the dependencies with "npm ci" (or "npm install") in the Evident folder, or reinstall Evident.'

const localRequire = createRequire(__filename)
const loaded = new Map<string, SqliteAddon>()
const requiredNode = new Map<string, string | undefined>()

export function runtimeLabel(versions: NodeJS.ProcessVersions = process.versions): string {
  return versions.electron ? `Electron ${versions.electron}` : `Node ${versions.node}`
}

export function betterSqlitePackageDir(): string {
  return dirname(localRequire.resolve('better-sqlite3/package.json'))
}

/** Same test as better-sqlite3's own: which libc loader is mapped into this process. */
function isMusl(platform: string): boolean {
  if (platform !== 'linux') return false
  try {
    const maps = readFileSync('/proc/self/maps', 'latin1')
    if (/\/ld-musl-[^/\s]*\.so/.test(maps)) return true
    if (/\/(?:ld-linux[^/\s]*|libc)\.so\.\d/.test(maps)) return false
  } catch {
    // Not Linux as we know it: fall through to the report.
  }
  const header = process.report?.getReport?.() as { header?: { glibcVersionRuntime?: string } } | undefined
  return !header?.header?.glibcVersionRuntime
}

/**
 * A native module inside a packaged app cannot be loaded from the asar archive; electron-builder puts it
 * beside the archive in app.asar.unpacked.
 */
export function unpackedPath(path: string): string {
  const marker = `${sep}app.asar${sep}`
  return path.includes(marker) ? path.replace(marker, `${sep}app.asar.unpacked${sep}`) : path
}

export function chooseSqliteDriver(options: SqliteDriverOptions = {}): SqliteDriverChoice {
  const env = options.env ?? process.env
  const override = env[SQLITE_BINDING_ENV]
  if (override && override.trim() !== '') return { path: resolve(override.trim()), kind: 'override' }
  const platform = options.platform ?? process.platform
  const arch = options.arch ?? process.arch
  const musl = options.musl ?? isMusl(platform)
  const target = `${musl ? 'linuxmusl' : platform}-${arch}`
  const path = unpackedPath(join(options.packageDir ?? betterSqlitePackageDir(), 'prebuilds', `${target}.node`))
  const supported = PREBUILD_PLATFORMS.includes(platform) && PREBUILD_ARCHS.includes(arch)
  return { path, kind: supported ? 'node-api prebuild' : 'no prebuild for this platform' }
}

function driverError(choice: SqliteDriverChoice, versions: NodeJS.ProcessVersions, problem: string, cause?: unknown): AppError {
  const runtime = runtimeLabel(versions)
  const fix = choice.kind === 'override' ? `Point ${SQLITE_BINDING_ENV} at a working better_sqlite3.node, or unset it to use the one Evident ships.` : FIX
  return new AppError('INTERNAL', `Evident's database driver could not be loaded: ${runtime} could not load ${choice.path} (${problem}). ${fix}`, { cause })
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.trim()
}

const enginesOf = z.object({ engines: z.object({ node: z.string().optional() }).optional() })

/** better-sqlite3 13 crashes the process (not an exception) on a Node older than its engines field allows. */
function nodeTooOld(packageDir: string, path: string, versions: NodeJS.ProcessVersions): AppError | null {
  if (!requiredNode.has(packageDir)) {
    try {
      requiredNode.set(packageDir, parseChecked(enginesOf, readFileSync(join(packageDir, 'package.json'), 'utf8'))?.engines?.node)
    } catch {
      requiredNode.set(packageDir, undefined)
    }
  }
  const required = requiredNode.get(packageDir)
  const want = /^>=\s*(\d+)(?:\.(\d+))?/.exec(required ?? '')
  if (!want) return null
  const [major = 0, minor = 0] = versions.node.split('.').map(Number)
  const [needMajor, needMinor] = [Number(want[1]), Number(want[2] ?? 0)]
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null
  return new AppError(
    'INTERNAL',
    `Evident's database driver could not be loaded: ${runtimeLabel(versions)} is too old to load ${path} (better-sqlite3 needs Node ${required}). Install Node 24 LTS and run Evident with it.`,
  )
}

/** Loads the chosen binary once per process; throws an AppError that names the runtime, the file and the fix. */
export function loadSqliteDriver(options: SqliteDriverOptions = {}): SqliteAddon {
  const choice = chooseSqliteDriver(options)
  const versions = options.versions ?? process.versions
  const tooOld = nodeTooOld(options.packageDir ?? betterSqlitePackageDir(), choice.path, versions)
  if (tooOld) throw tooOld
  const cached = loaded.get(choice.path)
  if (cached) return cached
  if (choice.kind === 'no prebuild for this platform') {
    throw driverError(choice, versions, `better-sqlite3 ships no prebuilt driver for ${options.platform ?? process.platform}-${options.arch ?? process.arch}; build one with "npm rebuild better-sqlite3 --build-from-source" and name it in ${SQLITE_BINDING_ENV}`)
  }
  if (!existsSync(choice.path)) throw driverError(choice, versions, 'the file is missing')
  let addon: unknown
  try {
    addon = localRequire(choice.path)
  } catch (error) {
    throw driverError(choice, versions, `it is not a driver this runtime can use: ${firstLine(error)}`, error)
  }
  if (typeof addon !== 'object' || addon === null || typeof (addon as { Database?: unknown }).Database !== 'function') {
    throw driverError(choice, versions, 'it loaded, but it is not better-sqlite3')
  }
  loaded.set(choice.path, addon)
  return addon
}

/**
 * What open.ts hands better-sqlite3 as `nativeBinding`: the path of the chosen binary, already proven to
 * load (better-sqlite3 requires the same path again and gets Node's cached module).
 */
export function sqliteNativeBinding(options: SqliteDriverOptions = {}): string {
  loadSqliteDriver(options)
  return chooseSqliteDriver(options).path
}

/** For `evident doctor`: which file this runtime will load, and whether it really loads. */
export function describeSqliteDriver(options: SqliteDriverOptions = {}): SqliteDriverReport {
  const choice = chooseSqliteDriver(options)
  const runtime = runtimeLabel(options.versions ?? process.versions)
  try {
    const db = new Database(':memory:', { nativeBinding: sqliteNativeBinding(options) })
    try {
      const sqliteVersion = column<string>(db, 'SELECT sqlite_version()').get()!
      return { ...choice, runtime, loads: true, sqliteVersion }
    } finally {
      db.close()
    }
  } catch (error) {
    return { ...choice, runtime, loads: false, error: error instanceof Error ? error.message : String(error) }
  }
}
