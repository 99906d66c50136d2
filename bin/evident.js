#!/usr/bin/env node
'use strict'
// The command line lives in the electron-vite build (out/main/cli.js, CommonJS because package.json has
// no "type": "module"); this file only finds it, so `npm link` / `npx evident` work from a built checkout.
const { existsSync } = require('node:fs')
const { homedir } = require('node:os')
const { join } = require('node:path')

/**
 * Where Node keeps the compiled code of the command line's bundle and its libraries between runs
 * (module.enableCompileCache): the user's own cache folder, as each platform names it, beside where the app
 * keeps its data. A command then starts without compiling the megabytes of JavaScript it loads (about 50 ms of
 * every `evident export`). Node checks each entry against the file's contents and its own version, so a rebuilt
 * Evident or a newer Node compiles once more; NODE_COMPILE_CACHE (a folder of the user's choosing) and
 * NODE_DISABLE_COMPILE_CACHE are honoured.
 */
function compileCacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'Evident', 'compile-cache')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Evident', 'compile-cache')
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'Evident', 'compile-cache')
}

try {
  // Node before 22.1 has no enableCompileCache; a folder that cannot be written leaves it off. Either way the
  // command runs as before, only compiling as it loads.
  require('node:module').enableCompileCache?.(compileCacheDir())
} catch {
  // A cache is only a saving of time.
}

const cliPath = join(__dirname, '..', 'out', 'main', 'cli.js')

if (!existsSync(cliPath)) {
  process.stderr.write('Evident is not built yet: run npm install (or npm run build) first.\n')
  process.exitCode = 1
} else {
  require(cliPath)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code
    })
    .catch(() => {
      // runCli never throws; this is only reached if the build itself is broken.
      process.stderr.write('evident: the command line failed to start. Rebuild with npm run build.\n')
      process.exitCode = 1
    })
}
