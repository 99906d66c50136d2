import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

export const ROOT = resolve(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots')
const SERVER = join(ROOT, 'out', 'main', 'server.js')
const CHROMIUM = '/usr/bin/chromium'
const READY = /Evident is running in browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?code=\S+)/

export interface EvidentServer {
  url: string
  /** For programmatic calls (Authorization: Bearer), as scripts use browser mode. */
  token: string
  port: number
  pid: number
  dir: string
  stop(): Promise<void>
  /** kill -9, as a crash or a power cut would end it; resolves once the process is gone. */
  crash(): Promise<void>
}

/** The contract's answer envelope, as /api/invoke sends it. */
export interface ApiReply<T> {
  ok: boolean
  value?: T
  error?: { code: string; message: string }
}

/** One call to a browser-mode server as a script makes it (Bearer token), answering the whole envelope. */
export async function invokeApi<T>(server: EvidentServer, method: string, args: unknown): Promise<ApiReply<T>> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/invoke`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, args }),
  })
  return (await response.json()) as ApiReply<T>
}

/** The value of one call, throwing the server's message when it refuses. */
export async function callApi<T>(server: EvidentServer, method: string, args: unknown): Promise<T> {
  const reply = await invokeApi<T>(server, method, args)
  if (!reply.ok) throw new Error(reply.error?.message ?? 'The call was refused.')
  return reply.value as T
}

export interface StartServerOptions {
  /** Use this project (left in place on stop) instead of a fresh starter one in the server's own folder. */
  project?: string
  /** Create `project` as a new starter project rather than open it. */
  create?: boolean
  /** Added to the server's environment (the EVIDENT_*_API addresses of a fixture server). */
  env?: Record<string, string>
}

/** Starts the built browser-mode server on a fresh project with the starter corpus, on a free port. */
export async function startServer(options: StartServerOptions = {}): Promise<EvidentServer> {
  if (!existsSync(SERVER)) throw new Error(`No ${SERVER}: build first (flock /tmp/evident-build.lock npx electron-vite build).`)
  const dir = mkdtempSync(join(tmpdir(), 'evident-e2e-'))
  const token = randomBytes(24).toString('hex')
  const child = spawn(
    process.execPath,
    [
      SERVER,
      '--user-data',
      join(dir, 'user-data'),
      '--project',
      options.project ?? join(dir, 'e2e.evident'),
      ...(!options.project || options.create ? ['--new'] : []),
      '--port',
      '0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env, EVIDENT_TOKEN: token } },
  )
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`The server did not start in time.\n${out}${err}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = READY.exec(out)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited with code ${code}.\n${out}${err}`))
    })
  })
  const crash = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((done) => child.once('exit', done))
    child.kill('SIGKILL')
    await gone
  }
  return { url, token, port: Number(new URL(url).port), pid: child.pid!, dir, stop: () => stopChild(child, dir), crash }
}

function stopChild(child: ChildProcess, dir: string): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      rmSync(dir, { recursive: true, force: true })
      done()
    }
    if (child.exitCode !== null || child.signalCode !== null) return finish()
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      finish()
    })
    child.kill('SIGTERM')
  })
}

export async function launchBrowser(): Promise<Browser> {
  // Debian's chromium package may still be installing when the suite starts.
  for (let i = 0; i < 30 && !existsSync(CHROMIUM); i++) await new Promise((r) => setTimeout(r, 2_000))
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** A page that fails the test on any uncaught error or console error (CSP violations included), gathered in `errors`. */
export async function openApp(browser: Browser, url: string, errors: string[] = []): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(url)
  return { page, errors }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, name)
  await page.screenshot({ path })
  return path
}

/**
 * Browser mode writes an export as a download: runs `start` (the click that exports), waits for the browser's
 * download and saves it at `saveAs`. Returns the name the browser was given for it.
 */
export async function downloadFrom(page: Page, start: () => Promise<unknown>, saveAs: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()])
  await download.saveAs(saveAs)
  return download.suggestedFilename()
}

export interface BrowserSession {
  server: EvidentServer
  browser: Browser
  /** The app's page. It is opened by the block's beforeAll, but may be named (and destructured) before then. */
  page: Page
  /** Uncaught errors and console errors seen on the page so far. */
  errors: string[]
}

/**
 * Stands for a page opened later, so a describe block can take `page` at its top, where its helpers close over it,
 * instead of copying it into a variable in a beforeAll of its own. Used before it is opened, it says so.
 */
function pageOpenedLater(opened: () => Page | undefined): Page {
  return new Proxy({} as Page, {
    get(_, key) {
      const page = opened()
      if (!page) throw new Error('The page opens in the describe block’s beforeAll: use it in a test or a later hook.')
      const value: unknown = Reflect.get(page, key, page)
      return typeof value === 'function' ? value.bind(page) : value
    },
  })
}

/**
 * Browser mode on a fresh starter project and Chromium with the app open, for one describe block: started
 * before its tests and stopped after them. `server` and `browser` are filled in once the block's first
 * beforeAll has run; `page` and `errors` can be destructured at once (`const { page, errors } = useBrowserSession()`).
 */
export function useBrowserSession(options: { defaultTimeout?: number; env?: () => Record<string, string> } = {}): BrowserSession {
  let opened: Page | undefined
  const session = { page: pageOpenedLater(() => opened), errors: [] as string[] } as BrowserSession
  beforeAll(async () => {
    session.server = await startServer({ env: options.env?.() })
    session.browser = await launchBrowser()
    ;({ page: opened } = await openApp(session.browser, session.server.url, session.errors))
    if (options.defaultTimeout) opened.setDefaultTimeout(options.defaultTimeout)
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.stop()
  })
  return session
}
