import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { downloadElectron, fetchElectron } from '../../scripts/fetch-electron.mjs'
import {
  browserModeAddress,
  browserModeLine,
  classifyFetchFailure,
  createProgressReporter,
  decideFetch,
  DEFAULT_STALL_MS,
  formatProgress,
  installedElectronBinary,
  openCommand,
  parseFailureMarker,
  RETRY_AFTER_MS,
  shouldOpenBrowser,
  stallLimitMs,
} from '../../scripts/start-lib.mjs'

const ELECTRON_DIR = resolve(__dirname, '../../node_modules/electron')
const NOW = Date.UTC(2026, 11, 1, 12)

describe('npm start deciding whether to fetch Electron', () => {
  const failedAnHourAgo = { at: NOW - 60 * 60 * 1000, reason: 'no network (could not reach github.com: ENOTFOUND)' }

  it('tries on a first start, and skips automatic retries for a day after a failure, saying why', () => {
    expect(decideFetch({ env: {}, platform: 'linux', arch: 'x64', now: NOW })).toEqual({ fetch: true })
    const skipped = decideFetch({ env: {}, platform: 'linux', arch: 'x64', lastFailure: failedAnHourAgo, now: NOW })
    expect(skipped).toEqual({ fetch: false, reason: 'last download failed 60 min ago, no network (could not reach github.com: ENOTFOUND)' })
    expect(decideFetch({ env: {}, platform: 'linux', arch: 'x64', lastFailure: { ...failedAnHourAgo, at: NOW - RETRY_AFTER_MS - 1 }, now: NOW })).toEqual({ fetch: true })
  })

  it('always tries when asked explicitly, so one failure never blocks the next retry', () => {
    expect(decideFetch({ args: ['--fetch-electron'], env: {}, platform: 'linux', arch: 'x64', lastFailure: failedAnHourAgo, now: NOW })).toEqual({ fetch: true })
    expect(decideFetch({ env: { EVIDENT_FETCH_ELECTRON: '1' }, platform: 'darwin', arch: 'arm64', lastFailure: failedAnHourAgo, now: NOW })).toEqual({ fetch: true })
  })

  it('does not try where Electron publishes no build, or where the electron package is absent', () => {
    expect(decideFetch({ args: ['--fetch-electron'], env: {}, platform: 'freebsd', arch: 'x64' })).toEqual({ fetch: false, reason: 'unsupported platform (Electron publishes no build for freebsd-x64)' })
    expect(decideFetch({ env: {}, platform: 'linux', arch: 'ia32' })).toMatchObject({ fetch: false, reason: expect.stringContaining('linux-ia32') })
    expect(decideFetch({ env: {}, platform: 'win32', arch: 'x64', installer: false })).toMatchObject({ fetch: false, reason: expect.stringContaining('npm install') })
  })

  it('reads the failure marker, including the older one that held only a date', () => {
    expect(parseFailureMarker(JSON.stringify(failedAnHourAgo), 0)).toEqual(failedAnHourAgo)
    expect(parseFailureMarker('2026-11-30T10:00:00.000Z', 1234)).toEqual({ at: 1234, reason: 'reason not recorded' })
  })

  it('finds the binary from path.txt and dist/ as the electron package does, without requiring it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evident-electron-'))
    try {
      expect(installedElectronBinary(dir, {})).toBeNull()
      writeFileSync(join(dir, 'path.txt'), 'electron')
      expect(installedElectronBinary(dir, {})).toBeNull()
      mkdirSync(join(dir, 'dist'))
      writeFileSync(join(dir, 'dist', 'electron'), '')
      chmodSync(join(dir, 'dist', 'electron'), 0o755)
      expect(installedElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('why Electron could not be had, in one line', () => {
  const host = 'github.com'

  it('names each kind of failure plainly', () => {
    const refused = Object.assign(new Error('Response code 404 (Not Found) for https://github.com/x.zip'), { name: 'HTTPError', response: { status: 404 } })
    expect(classifyFetchFailure(refused, { host })).toEqual({ kind: 'refused', reason: 'download refused (github.com answered HTTP 404)' })
    const offline = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' }) })
    expect(classifyFetchFailure(offline, { host })).toEqual({ kind: 'no-network', reason: 'no network (could not reach github.com: ENOTFOUND)' })
    const bothFamilies = new TypeError('fetch failed', { cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]) })
    expect(classifyFetchFailure(bothFamilies, { host }).kind).toBe('no-network')
    const stalled = Object.assign(new Error('no data'), { code: 'EVIDENT_STALLED' })
    expect(classifyFetchFailure(stalled, { host, stallMs: 30_000 })).toEqual({ kind: 'timed-out', reason: 'timed out (the download from github.com stalled: no data for 30 s)' })
    const slowConnect = new TypeError('fetch failed', { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) })
    expect(classifyFetchFailure(slowConnect, { host }).kind).toBe('timed-out')
    const dropped = new Error('Electron v45.6.1 does not have a published linux/armv7l artifact. Electron 44 and newer...')
    expect(classifyFetchFailure(dropped, { host }).kind).toBe('unsupported')
    expect(classifyFetchFailure(new Error('Generated checksum for "electron.zip" did not match expected checksum.\nmore'), { host })).toEqual({
      kind: 'failed',
      reason: 'download failed (Generated checksum for "electron.zip" did not match expected checksum)',
    })
  })

  it('the line says why, that browser mode follows, and how to try again, with the flag and the variable', () => {
    const line = browserModeLine('no network (could not reach github.com: ENOTFOUND)')
    expect(line.split('\n')).toHaveLength(1)
    expect(line).toBe(
      'Electron runtime not available: no network (could not reach github.com: ENOTFOUND). Serving Evident in browser mode instead; to try the download again: npm start -- --fetch-electron (or EVIDENT_FETCH_ELECTRON=1 npm start).',
    )
  })

  it('the stall limit is 30 s unless EVIDENT_FETCH_STALL_MS says otherwise', () => {
    expect(stallLimitMs({})).toBe(DEFAULT_STALL_MS)
    expect(DEFAULT_STALL_MS).toBe(30_000)
    expect(stallLimitMs({ EVIDENT_FETCH_STALL_MS: '1000' })).toBe(1000)
    expect(stallLimitMs({ EVIDENT_FETCH_STALL_MS: 'soon' })).toBe(DEFAULT_STALL_MS)
  })
})

describe('download progress', () => {
  it('is formatted as a percentage of megabytes, or megabytes alone when the size is unknown', () => {
    expect(formatProgress('Downloading Electron 45.6.1', 46_300_000, 110_200_000)).toBe('Downloading Electron 45.6.1: 42% (46.3 of 110.2 MB)')
    expect(formatProgress('Downloading Electron 45.6.1', 46_300_000, null)).toBe('Downloading Electron 45.6.1: 46.3 MB')
  })

  it('on a terminal rewrites one line in place, without escape codes', () => {
    const written: string[] = []
    let clock = 0
    const reporter = createProgressReporter({ label: 'Downloading', isTTY: true, write: (s) => written.push(s), now: () => clock })
    for (let mb = 1; mb <= 100; mb++) {
      clock += 50
      reporter.update({ transferred: mb * 1_000_000, total: 100_000_000 })
    }
    reporter.done()
    const text = written.join('')
    expect(text.split('\n')).toEqual([expect.any(String), ''])
    expect(text.startsWith('\rDownloading: 1% (1.0 of 100.0 MB)')).toBe(true)
    expect(text).toContain('\rDownloading: 100% (100.0 of 100.0 MB)\n')
    expect(text).not.toMatch(/\x1b/)
    // Throttled: a line per 200 ms, not per chunk.
    expect(written.length).toBeLessThan(40)
  })

  it('in a log prints a line at each tenth of the download', () => {
    const lines: string[] = []
    const reporter = createProgressReporter({ label: 'Downloading', isTTY: false, write: (s) => lines.push(s) })
    for (let mb = 1; mb <= 100; mb++) reporter.update({ transferred: mb * 1_000_000, total: 100_000_000 })
    reporter.done()
    expect(lines).toHaveLength(11)
    expect(lines.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true)
    expect(lines[10]).toBe('Downloading: 100% (100.0 of 100.0 MB)\n')
  })
})

describe('browser mode', () => {
  it('opens a browser only where someone can see it', () => {
    expect(shouldOpenBrowser('linux', {})).toBe(false)
    expect(shouldOpenBrowser('linux', { DISPLAY: ':0' })).toBe(true)
    expect(shouldOpenBrowser('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true)
    expect(shouldOpenBrowser('linux', { DISPLAY: ':0', CI: 'true' })).toBe(false)
    expect(shouldOpenBrowser('darwin', {})).toBe(true)
    expect(shouldOpenBrowser('win32', {})).toBe(true)
    expect(shouldOpenBrowser('win32', { CI: 'true' })).toBe(false)
  })

  it('opens the address with the platform’s own opener', () => {
    const url = 'http://127.0.0.1:5123/?code=abc'
    expect(openCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url], verbatim: false })
    expect(openCommand(url, 'darwin')).toEqual({ command: 'open', args: [url], verbatim: false })
    expect(openCommand(url, 'win32')).toMatchObject({ command: 'cmd', args: expect.arrayContaining(['start', url]), verbatim: true })
  })

  it('reads the address from the line the server prints', () => {
    expect(browserModeAddress('Evident is running in browser mode: http://127.0.0.1:5123/?code=ab12\n')).toBe('http://127.0.0.1:5123/?code=ab12')
    expect(browserModeAddress('Evident is running in brow')).toBeNull()
  })
})

describe('fetching Electron for real, against a local server', () => {
  let server: Server | undefined
  let cache: string
  const saved = { ...process.env }

  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'evident-electron-cache-'))
    for (const key of Object.keys(process.env)) if (/electron_(mirror|custom)/i.test(key)) delete process.env[key]
    process.env.electron_config_cache = cache
    process.env.EVIDENT_FETCH_STALL_MS = '1000'
  })
  afterEach(async () => {
    server?.closeAllConnections()
    await new Promise((done) => (server ? server.close(done) : done(undefined)))
    server = undefined
    rmSync(cache, { recursive: true, force: true })
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  })

  async function serve(handler: (res: ServerResponse) => void): Promise<number> {
    server = createServer((_req, res) => handler(res))
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    process.env.ELECTRON_MIRROR = `http://127.0.0.1:${port}/`
    return port
  }

  it('gives up on a stalled download with the timeout reason, after showing what arrived', async () => {
    const port = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(100_000_000) })
      res.write(Buffer.alloc(2_000_000))
      // ...and nothing more.
    })
    const written: string[] = []
    const started = Date.now()
    const result = await fetchElectron({ electronDir: ELECTRON_DIR, isTTY: false, write: (s) => written.push(s) })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result).toEqual({ ok: false, failure: { kind: 'timed-out', reason: `timed out (the download from 127.0.0.1:${port} stalled: no data for 1 s)` } })
    expect(written[0]).toMatch(new RegExp(`^Fetching the Electron \\d+\\.\\d+\\.\\d+ runtime from 127\\.0\\.0\\.1:${port} \\(once; it gives up if no data arrives for 1 s\\)\\.\\n$`))
    expect(written.some((line) => /^Downloading Electron [\d.]+: \d+% \([\d.]+ of 100\.0 MB\)\n$/.test(line))).toBe(true)
  })

  it('gives up when the server accepts but never answers', async () => {
    await serve(() => {})
    const result = await fetchElectron({ electronDir: ELECTRON_DIR, isTTY: false, write: () => {} })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timed-out' } })
  })

  it('keeps resetting the stall limit while data keeps coming', async () => {
    await serve((res) => {
      res.writeHead(200, { 'content-length': '3000' })
      let sent = 0
      const tick = setInterval(() => {
        res.write(Buffer.alloc(1000))
        if (++sent === 3) {
          clearInterval(tick)
          res.end()
        }
      }, 600)
    })
    // 1.8 s in all, no gap of 1 s: the download completes (and then fails its checksum, which is not a stall).
    const seen: number[] = []
    await expect(downloadElectron({ electronDir: ELECTRON_DIR, onProgress: (p) => seen.push(p.transferred) })).rejects.toThrow(/checksum|did not match/i)
    expect(seen.at(-1)).toBe(3000)
  })

  it('a refused download gives its HTTP status', async () => {
    for (const status of [404, 403]) {
      const port = await serve((res) => {
        res.writeHead(status)
        res.end()
      })
      const result = await fetchElectron({ electronDir: ELECTRON_DIR, isTTY: false, write: () => {} })
      expect(result).toEqual({ ok: false, failure: { kind: 'refused', reason: `download refused (127.0.0.1:${port} answered HTTP ${status})` } })
      server!.closeAllConnections()
      await new Promise((done) => server!.close(done))
      server = undefined
    }
  })

  it('no network (nothing listening) is named as such', async () => {
    const port = await serve(() => {})
    await new Promise((done) => server!.close(done))
    server = undefined
    const result = await fetchElectron({ electronDir: ELECTRON_DIR, isTTY: false, write: () => {} })
    expect(result).toEqual({ ok: false, failure: { kind: 'no-network', reason: `no network (could not reach 127.0.0.1:${port}: ECONNREFUSED)` } })
  })
})
