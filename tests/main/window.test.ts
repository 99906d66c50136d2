import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, createTrustedUrlCheck, devContentSecurityPolicy } from '../../electron/main/constants'
import { hardenSession, hardenWebContents, installAppGuards } from '../../electron/main/security'
import { createMainWindow, showProject, windowTitle } from '../../electron/main/window'

type OpenHandler = (details: { url: string }) => { action: string }

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler
  }
  /** Emits a navigation-style event the way Electron does: an Event with url and preventDefault. */
  attempt(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = '') {
    const event = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    this.emit(name, event, url)
    return event.defaultPrevented
  }
}

class FakeWindow extends EventEmitter {
  static last: FakeWindow
  webContents = new FakeContents()
  loadedUrl = ''
  title = ''
  represented = ''
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeWindow.last = this
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show() {}
  isDestroyed() {
    return false
  }
  setTitle(title: string) {
    this.title = title
  }
  setRepresentedFilename(path: string) {
    this.represented = path
  }
}

function openWindow() {
  const openExternal = vi.fn()
  const win = createMainWindow({
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    preloadPath: '/app/out/preload/index.cjs',
    url: 'app://evident/index.html',
    isTrustedUrl: createTrustedUrlCheck(),
    openExternal,
  }) as unknown as FakeWindow
  return { win, contents: win.webContents, openExternal }
}

describe('the main window', () => {
  it('is created with the hardened web preferences and our preload', () => {
    const { win } = openWindow()
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    })
    expect(win.loadedUrl).toBe('app://evident/index.html')
    expect(win.options.show).toBe(false)
  })

  it('keeps the project name in the title, whatever the page says', () => {
    const { win } = openWindow()
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    win.emit('page-title-updated', event, 'Vite App')
    expect(event.defaultPrevented).toBe(true)
    showProject(win as unknown as BrowserWindow, { path: '/p/GP.evident', name: 'GP integration', schemaVersion: 1, sourceCount: 5, claimCount: 0, briefCount: 0 }, 'darwin')
    expect(win.title).toBe('GP integration — Evident')
    expect(win.represented).toBe('/p/GP.evident')
    expect(windowTitle(null)).toBe('Evident')
  })

  it('stays on our origin: navigation elsewhere is prevented, web links open in the browser', () => {
    const { contents, openExternal } = openWindow()
    expect(contents.attempt('will-navigate', 'app://evident/index.html#/briefs')).toBe(false)
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/')
    expect(contents.attempt('will-navigate', 'app://other/index.html')).toBe(true)
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt('will-navigate', 'javascript:alert(1)')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)
  })

  it('never opens a new window; only http, https and mailto links leave, to the system', () => {
    const { contents, openExternal } = openWindow()
    for (const url of ['https://doi.org/10.1136/bmj.x', 'http://example.org', 'mailto:a@b.org', 'file:///etc/passwd', 'app://evident/index.html', 'smb://share/x', 'javascript:alert(1)']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://doi.org/10.1136/bmj.x', 'http://example.org', 'mailto:a@b.org'])
  })

  it('applies the same lockdown to any other webContents the app ever creates', () => {
    const app = new EventEmitter()
    installAppGuards(app as never, { isTrustedUrl: createTrustedUrlCheck(), openExternal: vi.fn() })
    const other = new FakeContents()
    app.emit('web-contents-created', {}, other)
    expect(other.openHandler!({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    expect(other.attempt('will-navigate', 'https://x.example')).toBe(true)
    // Hardening twice (window factory + app guard) must not stack listeners.
    hardenWebContents(other as unknown as WebContents, { isTrustedUrl: () => false, openExternal: vi.fn() })
    expect(other.listenerCount('will-navigate')).toBe(1)
  })
})

describe('the session', () => {
  type RequestHandler = (wc: unknown, permission: string, cb: (ok: boolean) => void) => void
  type CheckHandler = (...a: unknown[]) => boolean
  type HeadersHandler = (details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void

  function hardened() {
    const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersHandler } = {}
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => void (handlers.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => void (handlers.check = h),
      webRequest: { onHeadersReceived: (h: HeadersHandler) => void (handlers.headers = h) },
    }
    hardenSession(session as never, CONTENT_SECURITY_POLICY)
    return handlers
  }

  it('denies every permission request and check', () => {
    const session = hardened()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn()
      session.request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.check!({}, permission, 'app://evident', {})).toBe(false)
    }
  })

  it('adds the content security policy to every response', () => {
    const session = hardened()
    const callback = vi.fn()
    session.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
})

describe('the content security policy', () => {
  it('is the strict one: only our own scripts and style sheets, no plugins, no framing, no form posts', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('is relaxed only for the dev server, and only as far as hot reload needs', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173/')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    // Vite's client injects each imported stylesheet as a <style> element.
    expect(dev).toContain("style-src 'self' 'unsafe-inline'")
    expect(dev).toContain("style-src-attr 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev).toContain("object-src 'none'")
  })

  it('trusts app://evident and the dev server origin, nothing else', () => {
    const trusted = createTrustedUrlCheck('http://localhost:5173')
    expect(trusted('app://evident/index.html')).toBe(true)
    expect(trusted('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(trusted('http://localhost:5174/')).toBe(false)
    expect(trusted('app://evident.evil/index.html')).toBe(false)
    expect(trusted('not a url')).toBe(false)
    expect(createTrustedUrlCheck()('http://localhost:5173/')).toBe(false)
  })
})
