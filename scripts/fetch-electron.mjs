// Fetches the Electron runtime for `npm start`: the same download as electron's own install.js (through
// @electron/get, the same cache, mirror and checksums), but with progress shown and a stall detected. Once
// the zip is in the cache, install.js unpacks it from there, so the electron package ends up exactly as
// its own installer leaves it.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { classifyFetchFailure, createProgressReporter, downloadHost, installedElectronBinary, stallLimitMs } from './start-lib.mjs'

const UNPACK_TIMEOUT_MS = 180_000

class StallError extends Error {
  code = 'EVIDENT_STALLED'
}

/** @electron/get is electron's dependency, not ours: resolve it from the electron package. */
async function loadElectronGet(electronDir) {
  const resolved = createRequire(join(electronDir, 'package.json')).resolve('@electron/get')
  return import(pathToFileURL(resolved).href)
}

/** The platform and arch install.js would ask for, so the cached zip is the one it looks for. */
function target(env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch
  if (platform === 'darwin' && process.platform === 'darwin' && arch === 'x64' && env.npm_config_arch === undefined) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1') arch = 'arm64'
    } catch {
      // Not under Rosetta.
    }
  }
  return { platform, arch }
}

/**
 * Downloads the Electron zip into @electron/get's cache and resolves to its path. Gives up with an error
 * coded EVIDENT_STALLED when no byte arrives for `stallMs` (headers included). The mirror is read by
 * @electron/get itself from ELECTRON_MIRROR and npm's config.
 */
export async function downloadElectron({ electronDir, env = process.env, stallMs = stallLimitMs(env), onProgress = () => {} }) {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  const checksumsFile = join(electronDir, 'checksums.json')
  const remoteChecksums = env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums
  const { downloadArtifact } = await loadElectronGet(electronDir)
  const controller = new AbortController()
  let timer
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => controller.abort(new StallError(`no data for ${stallMs} ms`)), stallMs)
  }
  arm()
  try {
    return await downloadArtifact({
      version,
      artifactName: 'electron',
      ...target(env),
      force: env.force_no_cache === 'true',
      cacheRoot: env.electron_config_cache,
      checksums: !remoteChecksums && existsSync(checksumsFile) ? JSON.parse(readFileSync(checksumsFile, 'utf8')) : undefined,
      // FetchDownloader passes everything but these two to fetch(), so the signal ends a stalled request.
      downloadOptions: {
        quiet: true,
        signal: controller.signal,
        getProgressCallback: (progress) => {
          arm()
          onProgress(progress)
        },
      },
    })
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error
  } finally {
    clearTimeout(timer)
  }
}

/** electron's install.js, which finds the zip in the cache, checks it and unpacks it into node_modules/electron/dist. */
function unpack(electronDir, env) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8', timeout: UNPACK_TIMEOUT_MS })
  if (result.status === 0) return
  const said = `${result.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '')
  throw new Error(result.error ? `unpacking failed: ${result.error.message}` : `unpacking failed: ${said ?? `install.js exited with ${result.status}`}`)
}

/**
 * The whole fetch, never silent: a line saying what it fetches from where, progress, then the result as
 * { ok: true, binary } or { ok: false, failure: { kind, reason } }.
 */
export async function fetchElectron({ electronDir, env = process.env, isTTY = Boolean(process.stdout.isTTY), write = (s) => process.stdout.write(s) }) {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  const host = downloadHost(env)
  const stallMs = stallLimitMs(env)
  write(`Fetching the Electron ${version} runtime from ${host} (once; it gives up if no data arrives for ${Math.round(stallMs / 1000)} s).\n`)
  const reporter = createProgressReporter({ label: `Downloading Electron ${version}`, isTTY, write })
  try {
    await downloadElectron({ electronDir, env, stallMs, onProgress: (p) => reporter.update(p) })
    reporter.done()
    write('Unpacking Electron...\n')
    unpack(electronDir, env)
    const binary = installedElectronBinary(electronDir, env)
    if (!binary) throw new Error('the download finished but no Electron binary was unpacked')
    return { ok: true, binary }
  } catch (error) {
    reporter.done()
    return { ok: false, failure: classifyFetchFailure(error, { host, stallMs }) }
  }
}
