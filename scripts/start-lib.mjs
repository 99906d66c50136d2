// The decisions `npm start` makes about the Electron runtime, kept free of side effects so
// tests/scripts/start.test.ts can check them without a network: where the binary is, whether to try a
// download, why one failed (in one line), how progress is shown, and whether to open a browser.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const FETCH_FLAG = '--fetch-electron'
export const FETCH_ENV = 'EVIDENT_FETCH_ELECTRON'
export const STALL_ENV = 'EVIDENT_FETCH_STALL_MS'
export const DEFAULT_STALL_MS = 30_000
// After a failed download, automatic starts go straight to browser mode for a day instead of waiting again.
export const RETRY_AFTER_MS = 24 * 60 * 60 * 1000
export const RETRY_HINT = `to try the download again: npm start -- ${FETCH_FLAG} (or ${FETCH_ENV}=1 npm start)`

// Electron 44 and newer publish no 32-bit builds; BSDs have none at all.
const ELECTRON_PLATFORMS = ['darwin', 'linux', 'win32']
const ELECTRON_ARCHS = ['x64', 'arm64']

/** The binary as the electron package records it (path.txt + dist/), without require('electron'), which downloads. */
export function installedElectronBinary(electronDir, env = process.env, platform = process.platform) {
  const pathFile = join(electronDir, 'path.txt')
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (!recorded && !override) return null
  const binary = join(override || join(electronDir, 'dist'), recorded || (platform === 'win32' ? 'electron.exe' : 'electron'))
  return existsSync(binary) ? binary : null
}

export function stallLimitMs(env = process.env) {
  const value = Number(env[STALL_ENV])
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_STALL_MS
}

export function unsupportedPlatform(platform = process.platform, arch = process.arch) {
  return ELECTRON_PLATFORMS.includes(platform) && ELECTRON_ARCHS.includes(arch) ? null : `unsupported platform (Electron publishes no build for ${platform}-${arch})`
}

/**
 * Whether this start tries the download. An explicit request (the flag or the variable) always tries, so
 * one failure never blocks the next deliberate retry; otherwise a failure in the last day is not repeated.
 * Returns { fetch: true } or { fetch: false, reason } with the reason in words.
 */
export function decideFetch({ args = [], env = process.env, platform = process.platform, arch = process.arch, installer = true, lastFailure = null, now = Date.now() }) {
  const unsupported = unsupportedPlatform(platform, arch)
  if (unsupported) return { fetch: false, reason: unsupported }
  if (!installer) return { fetch: false, reason: 'the electron package is not installed (run npm install)' }
  if (args.includes(FETCH_FLAG) || env[FETCH_ENV] === '1' || env[FETCH_ENV] === 'true') return { fetch: true }
  if (lastFailure && now - lastFailure.at < RETRY_AFTER_MS) {
    return { fetch: false, reason: `last download failed ${ago(now - lastFailure.at)}, ${lastFailure.reason}` }
  }
  return { fetch: true }
}

function ago(ms) {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 90) return `${minutes} min ago`
  return `${Math.round(minutes / 60)} h ago`
}

/** The marker a failed download leaves: JSON { at, reason }; an older marker held only a date. */
export function parseFailureMarker(text, mtimeMs) {
  try {
    const parsed = JSON.parse(text)
    if (parsed && typeof parsed.at === 'number' && typeof parsed.reason === 'string') return parsed
  } catch {
    // An older marker: only its date is known.
  }
  return { at: mtimeMs, reason: 'reason not recorded' }
}

function errorCodes(error) {
  const codes = []
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') codes.push(e.code)
    if (Array.isArray(e.errors)) for (const inner of e.errors) if (typeof inner?.code === 'string') codes.push(inner.code)
  }
  return codes
}

const NO_NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']
const TIMED_OUT = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']

/**
 * Why the runtime could not be had, as { kind, reason }: kind is one of no-network, refused, timed-out,
 * unsupported, failed; reason is the words for the one-line message.
 */
export function classifyFetchFailure(error, { host = 'the download site', stallMs = DEFAULT_STALL_MS } = {}) {
  const message = String(error?.message ?? error ?? '')
  const codes = errorCodes(error)
  if (codes.includes('EVIDENT_STALLED')) return { kind: 'timed-out', reason: `timed out (the download from ${host} stalled: no data for ${Math.round(stallMs / 1000)} s)` }
  const status = error?.response?.status ?? Number(/Response code (\d{3})/.exec(message)?.[1] ?? NaN)
  if (Number.isInteger(status)) return { kind: 'refused', reason: `download refused (${host} answered HTTP ${status})` }
  if (/does not have a published|not available on platform/i.test(message)) return { kind: 'unsupported', reason: `unsupported platform (${message.split('\n')[0]})` }
  const timedOut = codes.find((c) => TIMED_OUT.includes(c))
  if (timedOut) return { kind: 'timed-out', reason: `timed out (connecting to ${host}: ${timedOut})` }
  const network = codes.find((c) => NO_NETWORK.includes(c) || c.startsWith('CERT_') || c.includes('_CERT_'))
  if (network) return { kind: 'no-network', reason: `no network (could not reach ${host}: ${network})` }
  if (/fetch failed/i.test(message)) return { kind: 'no-network', reason: `no network (could not reach ${host})` }
  return { kind: 'failed', reason: `download failed (${message.split('\n')[0].slice(0, 200).replace(/\.$/, '') || 'no reason given'})` }
}

/** The one line `npm start` prints before serving browser mode. */
export function browserModeLine(reason) {
  return `Electron runtime not available: ${reason.replace(/\s+/g, ' ')}. Serving Evident in browser mode instead; ${RETRY_HINT}.`
}

/** The host the download goes to, for messages: ELECTRON_MIRROR (or npm's config of it) or GitHub. */
export function downloadHost(env = process.env) {
  const mirror = env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/'
  try {
    return new URL(mirror).host
  } catch {
    return mirror
  }
}

function megabytes(bytes) {
  return (bytes / 1_000_000).toFixed(1)
}

export function formatProgress(label, transferred, total) {
  if (total) return `${label}: ${Math.floor((transferred / total) * 100)}% (${megabytes(transferred)} of ${megabytes(total)} MB)`
  return `${label}: ${megabytes(transferred)} MB`
}

/**
 * Shows download progress: on a terminal one line rewritten in place (carriage return, no escape codes),
 * elsewhere (CI logs, pipes) a line at each tenth of the download, or each 10 MB when the size is unknown.
 */
export function createProgressReporter({ label, isTTY, write, now = Date.now, intervalMs = 200 }) {
  let lastWidth = 0
  let lastAt = -Infinity
  let lastStep = -1
  let last = null
  const show = (line) => {
    if (isTTY) {
      write(`\r${line.padEnd(lastWidth)}`)
      lastWidth = line.length
    } else {
      write(`${line}\n`)
    }
  }
  return {
    update({ transferred, total }) {
      last = { transferred, total }
      if (isTTY) {
        if (now() - lastAt < intervalMs) return
        lastAt = now()
        show(formatProgress(label, transferred, total))
        return
      }
      const step = total ? Math.floor((transferred / total) * 10) : Math.floor(transferred / 10_000_000)
      if (step === lastStep) return
      lastStep = step
      show(formatProgress(label, transferred, total))
    },
    done() {
      if (isTTY && last) {
        show(formatProgress(label, last.transferred, last.total))
        write('\n')
      }
    },
  }
}

/** Open a browser only where someone can see it: a desktop session, never CI. */
export function shouldOpenBrowser(platform = process.platform, env = process.env) {
  if (env.CI === 'true' || env.CI === '1') return false
  if (platform === 'darwin' || platform === 'win32') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/** The command that opens an address in the default browser. */
export function openCommand(url, platform = process.platform) {
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false }
  // start's first quoted argument is a window title; an empty one keeps the URL from being taken as it.
  // Verbatim, or Node would escape those quotes for a program that is not cmd.
  if (platform === 'win32') return { command: 'cmd', args: ['/s', '/c', 'start', '""', '/b', url], verbatim: true }
  return { command: 'xdg-open', args: [url], verbatim: false }
}

/** The server prints "Evident is running in browser mode: http://127.0.0.1:PORT/?code=..." once it listens. */
export function browserModeAddress(text) {
  return /Evident is running in browser mode: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(text)?.[1] ?? null
}
