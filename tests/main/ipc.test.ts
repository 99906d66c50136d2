import { describe, expect, it, vi } from 'vitest'

// Nothing here may reach the real Electron runtime.
vi.mock('electron', () => ({}))

import type { BrowserWindow } from 'electron'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_DROPPED_FILE_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/api'
import { METHOD_NAMES, type Handlers } from '@shared/contract/index'
import { EventHub } from '../../electron/core/app/events'
import { AppError } from '../../electron/core/errors'
import { createTrustedUrlCheck } from '../../electron/main/constants'
import { forwardEvents, registerIpc, type InvokeReply } from '../../electron/main/ipc'
import { VALID_ARGS } from './valid-args'

const APP_PAGE = 'app://evident/index.html'

function fakeWindow(url = APP_PAGE) {
  const mainFrame = { url, processId: 7, routingId: 1, parent: null }
  const webContents = { mainFrame, isDestroyed: () => false, getURL: () => mainFrame.url, send: vi.fn() }
  return { webContents, isDestroyed: () => false } as unknown as BrowserWindow & { webContents: typeof webContents }
}

function setup(handlers?: Partial<Handlers>) {
  const calls: { method: string; args: unknown }[] = []
  const fakeHandlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, async (a: unknown) => (calls.push({ method: m, args: a }), { method: m, args: a })]),
  ) as unknown as Handlers
  const win = fakeWindow()
  const registered: { channel: string; listener: (...a: unknown[]) => Promise<InvokeReply> }[] = []
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (...a: unknown[]) => Promise<InvokeReply>) => void registered.push({ channel, listener })),
    removeHandler: vi.fn(),
  }
  const logError = vi.fn()
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    handlers: { ...fakeHandlers, ...handlers },
    files: { forReading: (path: string) => ({ handle: `fh_${'D'.repeat(43)}`, name: path.split('/').pop()! }) },
    getWindow: () => win,
    isTrustedUrl: createTrustedUrlCheck(),
    logError,
  })
  const fromPage = { sender: win.webContents, senderFrame: win.webContents.mainFrame }
  const invoke = (method: unknown, args: unknown, event: unknown = fromPage) => registered[0]!.listener(event, method, args)
  return { calls, win, ipcMain, registered, invoke, dispose, logError }
}

describe('the IPC bridge onto the core', () => {
  it('registers two handlers, the invoke channel and the preload\'s dropped files, and can remove them', () => {
    const { ipcMain, registered, dispose } = setup()
    expect(ipcMain.handle).toHaveBeenCalledTimes(2)
    expect(registered.map((r) => r.channel)).toEqual([IPC_INVOKE_CHANNEL, IPC_DROPPED_FILE_CHANNEL])
    dispose()
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL)
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_DROPPED_FILE_CHANNEL)
  })

  it('turns a file the preload found for a drop into a handle, and nothing else', async () => {
    const { registered, win } = setup()
    const dropped = (path: unknown, event: unknown = { sender: win.webContents, senderFrame: win.webContents.mainFrame }) => registered[1]!.listener(event, path)
    const dir = mkdtempSync(join(tmpdir(), 'evident-drop-'))
    const file = join(dir, 'report.pdf')
    writeFileSync(file, '%PDF-1.4')
    await expect(dropped(file)).resolves.toEqual({ ok: true, value: { handle: `fh_${'D'.repeat(43)}`, name: 'report.pdf' } })
    await expect(dropped(dir)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Only files can be dropped here, not folders.' } })
    await expect(dropped(join(dir, 'missing.pdf'))).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await expect(dropped({ path: file })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await expect(dropped(file, { sender: {}, senderFrame: win.webContents.mainFrame })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('carries every contract method through that one handler to the core, with validated arguments', async () => {
    const { invoke, calls } = setup()
    for (const method of METHOD_NAMES) {
      const reply = await invoke(method, VALID_ARGS[method])
      expect(reply, method).toMatchObject({ ok: true, value: { method } })
    }
    expect(calls.map((c) => c.method)).toEqual(METHOD_NAMES)
    // Defaults are filled in by validation before the core sees the argument.
    expect(calls.find((c) => c.method === 'sources.search')!.args).toEqual({ query: 'vertical integration', limit: 50 })
  })

  it.each([
    ['a sub-frame of our page', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.webContents, senderFrame: { url: APP_PAGE, processId: 7, routingId: 9, parent: w.webContents.mainFrame } })],
    ['a main frame showing another site', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.webContents, senderFrame: { ...w.webContents.mainFrame, url: 'https://evil.example/' } })],
    ['a file:// page', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.webContents, senderFrame: { ...w.webContents.mainFrame, url: 'file:///tmp/x.html' } })],
    ['another app:// host', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.webContents, senderFrame: { ...w.webContents.mainFrame, url: 'app://other/index.html' } })],
    ['another webContents', (w: ReturnType<typeof fakeWindow>) => ({ sender: { ...w.webContents }, senderFrame: w.webContents.mainFrame })],
    ['a frame that is already gone', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.webContents, senderFrame: null })],
  ])('refuses a request from %s with FORBIDDEN and never calls the core', async (_label, makeEvent) => {
    const { invoke, calls, win } = setup()
    const reply = await invoke('project.info', {}, makeEvent(win as ReturnType<typeof fakeWindow>))
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toEqual([])
  })

  it('answers bad arguments with INVALID_INPUT and a plain-English message', async () => {
    const { invoke, calls } = setup()
    for (const args of [{ file: 42 }, { file: '' }, { file: '/home/analyst/x.evident' }, { path: '/x.evident' }, 'not an object']) {
      const reply = await invoke('project.open', args)
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(5)
    }
    expect(calls).toEqual([])
  })

  it('answers an unknown method with NOT_FOUND', async () => {
    const { invoke, calls } = setup()
    for (const method of ['fs.readFile', '__proto__', 'constructor', '', 42, null]) {
      expect(await invoke(method, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(calls).toEqual([])
  })

  it("passes the core's own errors through and hides unexpected ones behind INTERNAL", async () => {
    const { invoke, logError } = setup({
      'project.open': async () => {
        throw new AppError('NOT_A_PROJECT', 'This file is not an Evident project.')
      },
      'project.info': async () => {
        throw new Error('SQLITE_CORRUPT at /home/someone/secret/path')
      },
    })
    expect(await invoke('project.open', { file: 'fh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).toEqual({
      ok: false,
      error: { code: 'NOT_A_PROJECT', message: 'This file is not an Evident project.' },
    })
    const reply = await invoke('project.info', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(reply)).not.toContain('secret')
    expect(logError).toHaveBeenCalledTimes(1)
  })
})

describe('core events reaching the page', () => {
  it('are sent to our window on the event channel, name and payload only', () => {
    const hub = new EventHub()
    const win = fakeWindow()
    forwardEvents(hub, () => win, createTrustedUrlCheck())
    hub.emit('menu.command', { command: 'import' })
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'menu.command', { command: 'import' })
  })

  it('are not sent when the window shows something other than our page, or is gone', () => {
    const hub = new EventHub()
    const elsewhere = fakeWindow('https://evil.example/')
    let current: BrowserWindow | null = elsewhere
    forwardEvents(hub, () => current, createTrustedUrlCheck())
    hub.emit('sources.changed', { reason: 'import' })
    current = null
    hub.emit('sources.changed', { reason: 'import' })
    expect(elsewhere.webContents.send).not.toHaveBeenCalled()
  })
})
