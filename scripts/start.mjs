#!/usr/bin/env node
// `npm start`: build if needed, then run Evident in Electron, or in browser mode where the Electron
// runtime cannot be had (our build machines reach npm but not Electron's download site).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const isWindows = process.platform === 'win32'

const OUTPUTS = ['out/main/index.js', 'out/main/server.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
const SOURCES = ['electron', 'renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(root, p))
const FETCH_TIMEOUT_MS = 90_000
// After a failed fetch, later starts go straight to browser mode for a day instead of waiting again.
const FETCH_FAILED_MARKER = join(root, 'node_modules', '.cache', 'evident', 'electron-fetch-failed')
const RETRY_AFTER_MS = 24 * 60 * 60 * 1000

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

/** Asks the electron package for its binary in a fresh process, so a just-finished download is seen. */
function electronBinary() {
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' })
  const binary = result.status === 0 ? result.stdout.trim() : ''
  return binary && existsSync(binary) ? binary : null
}

function recentlyFailedToFetch() {
  return existsSync(FETCH_FAILED_MARKER) && Date.now() - statSync(FETCH_FAILED_MARKER).mtimeMs < RETRY_AFTER_MS
}

function fetchElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer) || recentlyFailedToFetch()) return null
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: FETCH_TIMEOUT_MS })
  const binary = electronBinary()
  if (!binary) {
    mkdirSync(dirname(FETCH_FAILED_MARKER), { recursive: true })
    writeFileSync(FETCH_FAILED_MARKER, new Date().toISOString())
  }
  return binary
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
}

if (needsBuild()) build()

const binary = process.env.EVIDENT_BROWSER_MODE ? null : (electronBinary() ?? fetchElectron())
if (binary) {
  // Launched on the app folder rather than the script so Electron reads package.json: the app is named
  // "Evident" (and keeps its data under that name) and app.getAppPath() is the folder holding out/.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(binary, [root, ...args], env)
} else {
  console.log('Electron runtime not available here; serving Evident in browser mode instead.')
  run(process.execPath, [join(root, 'out', 'main', 'server.js'), ...args])
}
