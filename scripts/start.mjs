#!/usr/bin/env node
// `npm start`: build if needed, then run Evident in Electron, or in browser mode where the Electron
// runtime cannot be had (our build machines reach npm but not Electron's download site).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fetchElectron } from './fetch-electron.mjs'
import {
  browserModeAddress,
  browserModeLine,
  decideFetch,
  FETCH_FLAG,
  installedElectronBinary,
  openCommand,
  parseFailureMarker,
  shouldOpenBrowser,
} from './start-lib.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
// Ours, not the app's: the server's strict argument parser would refuse it.
const args = argv.filter((arg) => arg !== FETCH_FLAG)
const isWindows = process.platform === 'win32'

const OUTPUTS = ['out/main/index.js', 'out/main/server.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
const SOURCES = ['electron', 'renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(root, p))
const ELECTRON_DIR = join(root, 'node_modules', 'electron')
// After a failed fetch, later starts go straight to browser mode for a day instead of waiting again.
const FETCH_FAILED_MARKER = join(root, 'node_modules', '.cache', 'evident', 'electron-fetch-failed')

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

function needsBuild() {
  if (!OUTPUTS.every((p) => existsSync(p))) return true
  const oldestOutput = Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs))
  return Math.max(...SOURCES.map(newestMtime)) > oldestOutput
}

function build() {
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: isWindows })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}

function lastFailure() {
  if (!existsSync(FETCH_FAILED_MARKER)) return null
  return parseFailureMarker(readFileSync(FETCH_FAILED_MARKER, 'utf8'), statSync(FETCH_FAILED_MARKER).mtimeMs)
}

/** Resolves to the binary, or to null after printing the one line that says why there is none. */
async function electronRuntime() {
  if (process.env.EVIDENT_BROWSER_MODE) {
    console.log('EVIDENT_BROWSER_MODE is set: serving Evident in browser mode.')
    return null
  }
  const installed = installedElectronBinary(ELECTRON_DIR)
  if (installed) return installed
  const decision = decideFetch({ args: argv, installer: existsSync(join(ELECTRON_DIR, 'install.js')), lastFailure: lastFailure() })
  if (!decision.fetch) {
    console.log(browserModeLine(decision.reason))
    return null
  }
  const result = await fetchElectron({ electronDir: ELECTRON_DIR })
  if (result.ok) {
    rmSync(FETCH_FAILED_MARKER, { force: true })
    return result.binary
  }
  mkdirSync(dirname(FETCH_FAILED_MARKER), { recursive: true })
  writeFileSync(FETCH_FAILED_MARKER, JSON.stringify({ at: Date.now(), reason: result.failure.reason, kind: result.failure.kind }))
  console.log(browserModeLine(result.failure.reason))
  return null
}

function openBrowser(url) {
  if (!shouldOpenBrowser()) return
  const { command, args: openArgs, verbatim } = openCommand(url)
  const opener = spawn(command, openArgs, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim })
  opener.on('error', () => console.log(`Could not open a browser (${command} is missing): open the address above yourself.`))
  opener.unref()
}

function run(command, commandArgs, env = process.env, onOutput = null) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: ['inherit', onOutput ? 'pipe' : 'inherit', 'inherit'], env })
  if (onOutput) {
    // Passed through unchanged as it arrives; only read on the side for the address.
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      onOutput(chunk.toString())
    })
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
}

if (needsBuild()) build()

const binary = await electronRuntime()
if (binary) {
  // Launched on the app folder rather than the script so Electron reads package.json: the app is named
  // "Evident" (and keeps its data under that name) and app.getAppPath() is the folder holding out/.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(binary, [root, ...args], env)
} else {
  let seen = ''
  let opened = false
  run(process.execPath, [join(root, 'out', 'main', 'server.js'), ...args], process.env, (text) => {
    if (opened) return
    // The address line may arrive split across chunks; keep only a tail long enough to hold it.
    seen = (seen + text).slice(-4096)
    const url = browserModeAddress(seen)
    if (url) {
      opened = true
      openBrowser(url)
    }
  })
}
