#!/usr/bin/env node
'use strict'
// The command line lives in the electron-vite build (out/main/cli.js, CommonJS because package.json has
// no "type": "module"); this file only finds it, so `npm link` / `npx evident` work from a built checkout.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

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
