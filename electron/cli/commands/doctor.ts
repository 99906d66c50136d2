import { execFile, spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { arch, platform, release } from 'node:os'
import { delimiter, dirname, isAbsolute, join } from 'node:path'
import { defaultUserDataDir } from '../../core/app/app-data'
import { DEFAULT_PROJECT_FILE } from '../../core/app/core'
import { findResourcesDir } from '../../core/app/resources'
import { betterSqlitePackageDir, chooseSqliteDriver, describeSqliteDriver, runtimeLabel, type SqliteDriverReport } from '../../core/db/driver'
import { jsonOption, wantsJson, type CliCommand, type CliIo } from '../command'
import { printJson } from '../output'
import { checkDocumentReader, type ReaderReport } from './doctor-reader'

/** What a support request needs, gathered without Electron (which may not even be downloaded). */
export interface DoctorReport {
  ok: boolean
  evident: { version: string; appDir: string }
  node: { version: string; required: string; supported: boolean; sqliteDriver: SqliteDriverReport }
  electron: ElectronReport
  /** The document-reader process every import goes through. */
  reader: ReaderReport
  platform: { os: string; arch: string; release: string; name: string }
  paths: { userData: string; defaultProject: string; defaultProjectExists: boolean; build: string; built: boolean; missingBuild: string[]; resources: string | null }
  tools: ToolReport[]
  problems: string[]
  warnings: string[]
}

export type ElectronReport =
  | { installed: false }
  | {
      installed: true
      version: string
      abi: string | null
      binary: string | null
      binaryPresent: boolean
      sqliteDriver: { runtime: string; path: string; kind: string; abiIndependent: boolean; loads: boolean | null; note: string; error?: string }
    }

export interface ToolReport {
  name: string
  usedFor: string
  path: string | null
  version: string | null
}

const BUILD_OUTPUTS = ['main/index.js', 'main/server.js', 'main/cli.js', 'main/parser.js', 'preload/index.cjs', 'renderer/index.html']
const PROBE_TIMEOUT_MS = 5_000

/** Terminal escapes or other control characters from a tool's output must not reach ours. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x09\x0b-\x1f\x7f]/g, '')
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

/** The checkout (or installed package) holding package.json, out/ and node_modules. */
function findAppDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (readJson(join(dir, 'package.json'))?.name === 'evident') return dir
    if (dirname(dir) === dir) return dirname(dirname(betterSqlitePackageDir()))
  }
}

function findOnPath(name: string): string | null {
  if (isAbsolute(name)) return existsSync(name) ? name : null
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : ['']
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext)
      try {
        accessSync(candidate, constants.X_OK)
        return candidate
      } catch {
        // Not here; try the next folder.
      }
    }
  }
  return null
}

function firstVersionLine(output: string): string | null {
  const line = plain(output)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /\d+\.\d+/.test(l))
  return line ?? null
}

async function probeTool(name: string, usedFor: string, commands: string[]): Promise<ToolReport> {
  const path = commands.map(findOnPath).find((p) => p !== null) ?? null
  if (!path) return { name, usedFor, path: null, version: null }
  const version = await new Promise<string | null>((done) => {
    execFile(path, ['--version'], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (_error, stdout) => done(firstVersionLine(stdout ?? '')))
  })
  return { name, usedFor, path, version }
}

function osName(): string {
  if (process.platform === 'linux') {
    const release = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')
    if (release?.[1]) return plain(release[1])
  }
  return { darwin: 'macOS', win32: 'Windows' }[process.platform as string] ?? process.platform
}

function satisfiesEngines(required: string, version: string): boolean {
  const want = /^>=\s*(\d+)(?:\.(\d+))?/.exec(required)
  if (!want) return true
  const [major, minor] = version.split('.').map(Number) as [number, number]
  const needMajor = Number(want[1])
  const needMinor = Number(want[2] ?? 0)
  return major > needMajor || (major === needMajor && minor >= needMinor)
}

/**
 * Loads the driver inside Electron for real, when its binary is here: ELECTRON_RUN_AS_NODE runs Electron's
 * own Node, with its ABI and memory cage, without a window or a display.
 */
function loadInElectron(binary: string, driverPath: string): { loads: boolean; error?: string } {
  const script = `try { const D = require(${JSON.stringify(betterSqlitePackageDir())}); new D(':memory:', { nativeBinding: ${JSON.stringify(driverPath)} }).close(); process.stdout.write('{"loads":true}') } catch (e) { process.stdout.write(JSON.stringify({ loads: false, error: String(e && e.message || e).split('\\n')[0] })) }`
  const result = spawnSync(binary, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 15_000 })
  try {
    return JSON.parse(result.stdout) as { loads: boolean; error?: string }
  } catch {
    const said = plain(result.stderr ?? '').split('\n').find((l) => l.trim() !== '')?.trim()
    return { loads: false, error: result.error ? result.error.message : `Electron exited with ${result.status ?? result.signal} before answering${said ? `: ${said}` : ''}` }
  }
}

function electronReport(appDir: string): ElectronReport {
  const dir = join(appDir, 'node_modules', 'electron')
  const pkg = readJson(join(dir, 'package.json'))
  if (!pkg || typeof pkg.version !== 'string') return { installed: false }
  const version = pkg.version
  const abi = existsSync(join(dir, 'abi_version')) ? readFileSync(join(dir, 'abi_version'), 'utf8').trim() : null
  // As the electron package itself finds it (index.js), without require('electron'), which would try to download.
  const pathTxt = existsSync(join(dir, 'path.txt')) ? readFileSync(join(dir, 'path.txt'), 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const relative = pathTxt ?? (override ? (process.platform === 'win32' ? 'electron.exe' : 'electron') : null)
  const binary = relative ? join(override || join(dir, 'dist'), relative) : null
  const binaryPresent = binary !== null && existsSync(binary)
  const choice = chooseSqliteDriver({ versions: { ...process.versions, electron: version } })
  const abiIndependent = choice.kind === 'node-api prebuild'
  const same = abiIndependent ? 'the same file as Node (Node-API, ABI-independent)' : 'the file named by EVIDENT_SQLITE_BINDING'
  let sqliteDriver: Extract<ElectronReport, { installed: true }>['sqliteDriver']
  if (binaryPresent) {
    const probe = loadInElectron(binary, choice.path)
    sqliteDriver = { runtime: `Electron ${version}`, path: choice.path, kind: choice.kind, abiIndependent, loads: probe.loads, note: `${same}; loaded in Electron (as Node)`, ...(probe.error ? { error: probe.error } : {}) }
  } else {
    sqliteDriver = { runtime: `Electron ${version}`, path: choice.path, kind: choice.kind, abiIndependent, loads: null, note: `${same}; not loaded: the Electron binary is not installed here, so Electron cannot run` }
  }
  return { installed: true, version, abi, binary, binaryPresent, sqliteDriver }
}

export async function gatherDoctorReport(userDataDir: string): Promise<DoctorReport> {
  const appDir = findAppDir(__dirname)
  const pkg = readJson(join(appDir, 'package.json')) ?? {}
  const required = ((pkg.engines as Record<string, string> | undefined)?.node ?? '>=22.12').trim()
  const nodeVersion = process.versions.node
  const sqliteDriver = describeSqliteDriver()
  const build = join(appDir, 'out')
  const missingBuild = BUILD_OUTPUTS.filter((p) => !existsSync(join(build, p))).map((p) => `out/${p}`)
  let resources: string | null = null
  try {
    resources = findResourcesDir(__dirname)
  } catch {
    resources = null
  }
  const defaultProject = join(userDataDir, DEFAULT_PROJECT_FILE)
  const tools = await Promise.all([
    probeTool('Chromium', 'the end-to-end tests drive it', ['/usr/bin/chromium', 'chromium', 'chromium-browser']),
    probeTool('LibreOffice', 'checks that an exported .docx opens in another word processor', ['soffice', 'libreoffice']),
    probeTool('pandoc', 'checks of the exported .docx and the export benchmark', ['pandoc']),
  ])
  const electron = electronReport(appDir)
  const reader = await checkDocumentReader(__dirname)
  const supported = satisfiesEngines(required, nodeVersion)

  const problems: string[] = []
  if (!supported) problems.push(`Node ${nodeVersion} is too old: Evident needs Node ${required} (its SQLite driver does not run on older Node). Install Node 24 LTS.`)
  if (!sqliteDriver.loads) problems.push(`SQLite driver: ${sqliteDriver.error ?? `${runtimeLabel()} could not load ${sqliteDriver.path}.`}`)
  if (missingBuild.length) problems.push(`The app is not built (missing ${missingBuild.join(', ')}): run npm run build.`)
  if (!reader.reads) problems.push(`Document reader: imports cannot work: ${reader.error ?? 'it did not answer'}.`)
  if (!resources) problems.push(`The resources folder (starter corpus, citation styles) was not found above ${appDir}: reinstall Evident or restore resources/.`)
  const warnings: string[] = []
  if (electron.installed && !electron.binaryPresent) warnings.push('The Electron runtime is not downloaded: npm start serves browser mode instead (retry the download with npm start -- --fetch-electron).')
  if (electron.installed && electron.sqliteDriver.loads === false) problems.push(`SQLite driver in Electron: ${electron.sqliteDriver.error ?? 'it did not load'}.`)
  for (const tool of tools) if (!tool.path) warnings.push(`${tool.name} was not found (optional: ${tool.usedFor}).`)

  return {
    ok: problems.length === 0,
    evident: { version: typeof pkg.version === 'string' ? pkg.version : 'unknown', appDir },
    node: { version: nodeVersion, required, supported, sqliteDriver },
    electron,
    reader,
    platform: { os: platform(), arch: arch(), release: release(), name: osName() },
    paths: { userData: userDataDir, defaultProject, defaultProjectExists: existsSync(defaultProject), build, built: missingBuild.length === 0, missingBuild, resources },
    tools,
    problems,
    warnings,
  }
}

function rows(io: CliIo, entries: [string, string][], indent = ''): void {
  const width = Math.max(...entries.map(([k]) => k.length))
  for (const [key, value] of entries) io.out(`${indent}${key.padEnd(width)}  ${value}`)
}

function driverLine(d: SqliteDriverReport): string {
  return d.loads ? `loads ${d.path} (${d.kind}, SQLite ${d.sqliteVersion})` : `DOES NOT LOAD ${d.path} (${d.kind})`
}

export function printDoctorReport(io: CliIo, r: DoctorReport): void {
  io.out(r.ok ? 'Evident doctor: everything Evident needs is here.' : `Evident doctor: ${r.problems.length === 1 ? 'one thing' : `${r.problems.length} things`} Evident needs ${r.problems.length === 1 ? 'is' : 'are'} missing or broken.`)
  io.out('')
  const e = r.electron
  rows(io, [
    ['Evident', `${r.evident.version} (${r.evident.appDir})`],
    ['Node', `${r.node.version}${r.node.supported ? '' : ` (too old: needs ${r.node.required})`}`],
    ['Electron', !e.installed ? 'not installed (the electron package is absent)' : `${e.version}${e.abi ? ` (ABI ${e.abi})` : ''}, ${e.binaryPresent ? `runtime at ${e.binary}` : 'runtime not downloaded'}`],
    ['Platform', `${r.platform.os} ${r.platform.arch}, ${r.platform.name}, release ${r.platform.release}`],
  ])
  io.out('')
  io.out('SQLite driver (better-sqlite3)')
  const driverRows: [string, string][] = [[`Node`, driverLine(r.node.sqliteDriver)]]
  if (e.installed) {
    const d = e.sqliteDriver
    driverRows.push(['Electron', d.loads === null ? `${d.path}: ${d.note}` : `${d.loads ? 'loads' : 'DOES NOT LOAD'} ${d.path}: ${d.note}`])
  }
  rows(io, driverRows, '  ')
  io.out('')
  io.out('Document reader (every import is parsed in it)')
  rows(io, [['Node', r.reader.reads ? `reads files: ${r.reader.entry} in a child process, permission model on` : `DOES NOT WORK: ${r.reader.error ?? 'no answer'}`]], '  ')
  io.out('')
  io.out('Where things live')
  rows(
    io,
    [
      ['User data', `${r.paths.userData} (shared by the desktop app, browser mode and the CLI)`],
      ['Default project', `${r.paths.defaultProject}${r.paths.defaultProjectExists ? '' : ' (created on first start)'}`],
      ['App build', `${r.paths.build} ${r.paths.built ? '(built)' : '(NOT BUILT)'}`],
      ['Resources', r.paths.resources ?? 'NOT FOUND'],
    ],
    '  ',
  )
  io.out('')
  io.out('Optional tools (used by some checks and tests)')
  rows(io, r.tools.map((t) => [t.name, t.path ? `${t.path}${t.version ? `: ${t.version}` : ' (version unknown)'}` : 'not found']), '  ')
  if (r.problems.length) {
    io.out('')
    io.out('Missing or broken:')
    for (const p of r.problems) io.out(`  - ${p}`)
  }
  if (r.warnings.length) {
    io.out('')
    io.out('Warnings:')
    for (const w of r.warnings) io.out(`  - ${w}`)
  }
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Report versions, the SQLite driver each runtime loads, where data lives and optional tools; exits 1 if something the app needs is missing.',
  usage: 'evident doctor [--json]',
  options: { json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const report = await gatherDoctorReport(env.userDataDir ?? defaultUserDataDir())
    if (wantsJson(input)) printJson(io, report)
    else printDoctorReport(io, report)
    return report.ok ? 0 : 1
  },
}
