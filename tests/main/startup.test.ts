import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// What electron/main/index.ts does, in what order, when Electron starts it: every Electron API it touches is
// a fake that writes one line into `calls`, and the core is a fake too (its own tests are in tests/core).
const h = vi.hoisted(() => {
  const calls: string[] = []
  const appListeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const state = {
    calls,
    appListeners,
    isPackaged: true,
    ready: () => {},
    headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    invoke: null as null | ((event: unknown, method: unknown, args: unknown) => Promise<unknown>),
    privileged: [] as unknown[],
    windows: [] as unknown[],
    errors: [] as unknown[],
    reset() {
      calls.length = 0
      appListeners.clear()
      state.windows.length = 0
      state.errors.length = 0
      state.privileged = []
      state.headersListener = null
      state.permissionRequest = null
      state.permissionCheck = null
      state.invoke = null
    },
    emitApp(event: string, ...args: unknown[]) {
      for (const listener of appListeners.get(event) ?? []) listener(...args)
    },
  }
  return state
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const { calls } = h

  class FakeContents extends EventEmitter {
    mainFrame = { url: '', processId: 3, routingId: 1, parent: null }
    openHandler: ((details: { url: string }) => { action: string }) | null = null
    session = {}
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      calls.push('contents.setWindowOpenHandler')
      this.openHandler = handler
    }
    override on(event: string, listener: (...args: unknown[]) => void) {
      calls.push(`contents.on:${event}`)
      return super.on(event, listener)
    }
    getURL() {
      return this.mainFrame.url
    }
    isDestroyed() {
      return false
    }
    send() {}
  }

  class BrowserWindow extends EventEmitter {
    webContents = new FakeContents()
    constructor(readonly options: unknown) {
      super()
      calls.push('new BrowserWindow')
      // As in Electron: the window's webContents exists, and app hears of it, before the constructor returns.
      h.emitApp('web-contents-created', {}, this.webContents)
      h.windows.push(this)
    }
    loadURL(url: string) {
      calls.push(`win.loadURL:${url}`)
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    setTitle() {}
    setRepresentedFilename() {}
    show() {}
    focus() {}
    restore() {}
  }

  const app = {
    get isPackaged() {
      return h.isPackaged
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      calls.push(`app.on:${event}`)
      h.appListeners.set(event, [...(h.appListeners.get(event) ?? []), listener])
      return app
    },
    requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), true),
    whenReady: () => {
      calls.push('app.whenReady')
      return new Promise<void>((resolve) => {
        h.ready = () => {
          calls.push('ready')
          resolve()
        }
      })
    },
    getAppPath: () => '/opt/evident/resources/app.asar',
    getPath: (name: string) => `/home/analyst/.config/Evident/${name}`,
    addRecentDocument: () => {},
    quit: () => calls.push('app.quit'),
    exit: (code: number) => calls.push(`app.exit:${code}`),
  }

  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => h.errors.push(`${title}: ${message}`),
      showMessageBox: async () => ({ response: 0 }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, method: unknown, args: unknown) => Promise<unknown>) => {
        calls.push(`ipcMain.handle:${channel}`)
        if (channel === 'evident:invoke') h.invoke = listener
      },
      removeHandler: () => {},
    },
    Menu: {
      buildFromTemplate: () => ({ popup: () => {} }),
      setApplicationMenu: () => calls.push('Menu.setApplicationMenu'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('protocol.registerSchemesAsPrivileged')
        h.privileged = schemes
      },
      handle: (scheme: string) => calls.push(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof h.permissionRequest) => {
          calls.push('session.setPermissionRequestHandler')
          h.permissionRequest = handler
        },
        setPermissionCheckHandler: (handler: typeof h.permissionCheck) => {
          calls.push('session.setPermissionCheckHandler')
          h.permissionCheck = handler
        },
        webRequest: {
          onHeadersReceived: (listener: typeof h.headersListener) => {
            calls.push('session.webRequest.onHeadersReceived')
            h.headersListener = listener
          },
        },
      },
    },
    shell: { openExternal: async () => {} },
    utilityProcess: { fork: () => calls.push('utilityProcess.fork') },
  }
})

vi.mock('../../electron/core/app/core', async () => {
  const { METHOD_NAMES } = await import('@shared/contract/index')
  return {
    createCore: async (options: Record<string, unknown>) => {
      h.calls.push(`createCore:${Object.keys(options).sort().join(',')}`)
      return {
        handlers: Object.fromEntries(METHOD_NAMES.map((method) => [method, async () => (h.calls.push(`core:${method}`), null)])),
        events: { subscribe: () => () => {}, emit: () => {} },
        currentProject: () => ({ name: 'Evident starter', path: '/home/analyst/Evident starter.evident' }),
        recentProjects: () => [],
        openInitialProject: async () => void h.calls.push('core.openInitialProject'),
        openProject: async () => {},
        createProject: async () => {},
        saveCopy: async () => {},
        close: () => {},
      }
    },
  }
})

import { CONTENT_SECURITY_POLICY } from '@shared/web'

type Contents = EventEmitter & { openHandler: ((d: { url: string }) => { action: string }) | null; mainFrame: { url: string } }
type Win = { webContents: Contents }

/** Loads index.ts afresh (as Electron would on launch), lets 'ready' arrive, and waits for the window's page. */
async function launch(): Promise<{ calls: string[]; importedBeforeReady: string[] }> {
  vi.resetModules()
  await import('../../electron/main/index')
  const importedBeforeReady = [...h.calls]
  h.ready()
  await vi.waitFor(() => {
    if (h.errors.length > 0) throw new Error(`start-up failed: ${h.errors.join('; ')}`)
    expect(h.calls.some((c) => c.startsWith('win.loadURL'))).toBe(true)
  })
  return { calls: h.calls, importedBeforeReady }
}

function indexOf(calls: string[], line: string): number {
  const index = calls.findIndex((c) => c === line || c.startsWith(`${line}:`))
  expect(index, `${line} never happened; calls: ${calls.join(' → ')}`).toBeGreaterThanOrEqual(0)
  return index
}

function expectBefore(calls: string[], first: string, then: string): void {
  expect(indexOf(calls, first), `${first} should come before ${then}; calls: ${calls.join(' → ')}`).toBeLessThan(indexOf(calls, then))
}

const savedEnv = process.env.ELECTRON_RENDERER_URL
beforeEach(() => {
  h.reset()
  h.isPackaged = true
  delete process.env.ELECTRON_RENDERER_URL
  Object.defineProperty(process, 'resourcesPath', { value: '/opt/evident/resources', configurable: true })
})
afterEach(() => {
  if (savedEnv === undefined) delete process.env.ELECTRON_RENDERER_URL
  else process.env.ELECTRON_RENDERER_URL = savedEnv
})

describe('Evident starting up in Electron', () => {
  it("registers app:// as a privileged scheme before 'ready', as Electron requires", async () => {
    const { calls, importedBeforeReady } = await launch()
    expect(importedBeforeReady).toContain('protocol.registerSchemesAsPrivileged')
    expectBefore(calls, 'protocol.registerSchemesAsPrivileged', 'ready')
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    // ...and serves it once ready, before the page asks for it.
    expectBefore(calls, 'ready', 'protocol.handle:app')
    expectBefore(calls, 'protocol.handle:app', 'win.loadURL')
  })

  it('installs the guards on every webContents before any window exists', async () => {
    const { calls, importedBeforeReady } = await launch()
    expect(importedBeforeReady).toContain('app.on:web-contents-created')
    expectBefore(calls, 'app.on:web-contents-created', 'new BrowserWindow')
    // The window's own webContents is locked down when it is created, not after its page has started loading.
    expectBefore(calls, 'contents.setWindowOpenHandler', 'win.loadURL')
    expectBefore(calls, 'contents.on:will-navigate', 'win.loadURL')
    expectBefore(calls, 'contents.on:will-attach-webview', 'win.loadURL')
  })

  it('loads our page: no new windows, no navigation away, for the window and for any webContents that appears later', async () => {
    await launch()
    const win = h.windows[0] as Win
    expect(win.webContents.mainFrame.url).toBe('app://evident/index.html')
    const later = new EventEmitter() as Contents & { setWindowOpenHandler(fn: Contents['openHandler']): void }
    later.setWindowOpenHandler = (fn) => void (later.openHandler = fn)
    h.emitApp('web-contents-created', {}, later)
    for (const contents of [win.webContents, later]) {
      expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
      const away = { url: 'https://evil.example/', defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
      contents.emit('will-navigate', away)
      expect(away.defaultPrevented).toBe(true)
      const ours = { url: 'app://evident/index.html#brief', defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
      contents.emit('will-navigate', ours)
      expect(ours.defaultPrevented).toBe(false)
    }
  })

  it('hardens the session (permissions refused, the CSP on every response) before the page loads', async () => {
    const { calls } = await launch()
    for (const step of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onHeadersReceived']) {
      expectBefore(calls, 'ready', step)
      expectBefore(calls, step, 'win.loadURL')
    }
    const granted = vi.fn()
    h.permissionRequest!({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(h.permissionCheck!({}, 'geolocation', 'app://evident', {})).toBe(false)
    const reply = vi.fn()
    h.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, reply)
    expect(reply).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  it('registers the IPC door, with its trusted-page check, before the window loads', async () => {
    const { calls } = await launch()
    expectBefore(calls, 'createCore', 'ipcMain.handle:evident:invoke')
    expectBefore(calls, 'ipcMain.handle:evident:invoke', 'new BrowserWindow')
    expectBefore(calls, 'ipcMain.handle:evident:invoke', 'win.loadURL')
    const win = h.windows[0] as Win & { webContents: { mainFrame: { url: string; processId: number; routingId: number; parent: null } } }
    const frame = win.webContents.mainFrame
    expect(await h.invoke!({ sender: win.webContents, senderFrame: frame }, 'project.info', {})).toEqual({ ok: true, value: null })
    expect(h.calls).toContain('core:project.info')
    const elsewhere = { ...frame, url: 'https://evil.example/' }
    expect(await h.invoke!({ sender: win.webContents, senderFrame: elsewhere }, 'project.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.invoke!({ sender: {}, senderFrame: frame }, 'project.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('opens the project before the window, and shows the window only once', async () => {
    const { calls } = await launch()
    expectBefore(calls, 'core.openInitialProject', 'new BrowserWindow')
    expect(calls.filter((c) => c === 'new BrowserWindow')).toHaveLength(1)
    expect(h.errors).toEqual([])
  })

  it('with `electron-vite dev`, loads the dev server under the dev policy, still in the same order', async () => {
    h.isPackaged = false
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const { calls } = await launch()
    expect(indexOf(calls, 'win.loadURL:http://localhost:5173/')).toBeGreaterThan(indexOf(calls, 'session.webRequest.onHeadersReceived'))
    expectBefore(calls, 'app.on:web-contents-created', 'new BrowserWindow')
    const reply = vi.fn()
    h.headersListener!({ responseHeaders: {} }, reply)
    const policy = (reply.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']![0]!
    expect(policy).toContain('ws://localhost:5173')
    expect(policy).not.toBe(CONTENT_SECURITY_POLICY)
  })
})
