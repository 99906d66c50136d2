import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  const listeners = new Map<string, Set<Listener>>()
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return ipcRenderer
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
    /** What main's webContents.send would deliver. */
    deliver(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args)
    },
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  }
  const exposed = new Map<string, unknown>()
  return {
    ipcRenderer,
    exposed,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.set(key, api)) },
    webUtils: { getPathForFile: vi.fn(() => '/home/analyst/Downloads/report.pdf') },
  }
})

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer, webUtils: electron.webUtils }))

import type { EvidentApi } from '@shared/api'
import { IPC_DROPPED_FILE_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/api'
import { METHOD_NAMES } from '@shared/contract/index'
import { EVENT_NAMES } from '@shared/events'
import { METHOD_NAME_LIST } from '@shared/method-names'
import '../../electron/preload/index'

const api = () => electron.exposed.get('evident') as EvidentApi
const invokeAny = (method: string, args: unknown = {}) => (api().invoke as (m: string, a: unknown) => Promise<unknown>)(method, args)

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear()
})

describe('the preload', () => {
  it('exposes exactly window.evident, and never ipcRenderer or a way to learn a path', () => {
    expect([...electron.exposed.keys()].sort()).toEqual(['evident'])
    expect(Object.keys(api()).sort()).toEqual(['handleForFile', 'invoke', 'on'])
    for (const value of [...electron.exposed.values()].flatMap((v) => [v, ...Object.values(v as object)])) {
      expect(value).not.toBe(electron.ipcRenderer)
    }
  })

  it('sends an allowlisted method over the one invoke channel and unwraps the answer', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { name: 'GP integration' } })
    await expect(api().invoke('project.info', {})).resolves.toEqual({ name: 'GP integration' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'project.info', {})
  })

  it('rejects with the code and plain-English message that main sent', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_A_PROJECT', message: 'This file is not an Evident project.' } })
    await expect(api().invoke('project.open', { file: 'fh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).rejects.toEqual({
      code: 'NOT_A_PROJECT',
      message: 'This file is not an Evident project.',
    })
  })

  it('refuses any method not in the allowlist without touching IPC', async () => {
    for (const method of ['fs.readFile', 'shell.openExternal', '__proto__', 'constructor', 'toString', '']) {
      await expect(invokeAny(method)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    await expect(invokeAny(42 as unknown as string)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('lets every contract method through', async () => {
    for (const method of METHOD_NAMES) await invokeAny(method)
    expect(electron.ipcRenderer.invoke.mock.calls.map((c) => c[1])).toEqual(METHOD_NAMES)
  })

  it('treats an unreadable answer from main as INTERNAL', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce('garbage')
    await expect(api().invoke('project.info', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('on() delivers only the payload of the named event, and its unsubscribe removes the listener', () => {
    const changed = vi.fn()
    const menu = vi.fn()
    const stopChanged = api().on('sources.changed', changed)
    const stopMenu = api().on('menu.command', menu)
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1)

    electron.ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'sources.changed', { reason: 'import' })
    expect(changed).toHaveBeenCalledWith({ reason: 'import' })
    expect(changed.mock.calls[0]).toHaveLength(1)
    expect(menu).not.toHaveBeenCalled()

    stopChanged()
    electron.ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'sources.changed', { reason: 'remove' })
    expect(changed).toHaveBeenCalledTimes(1)

    stopMenu()
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0)
    stopMenu()
  })

  it('on() ignores event names outside the contract', () => {
    const listener = vi.fn()
    const stop = (api().on as (e: string, l: () => void) => () => void)('ipc.raw', listener)
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0)
    electron.ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'ipc.raw', {})
    expect(listener).not.toHaveBeenCalled()
    expect(stop).toBeTypeOf('function')
  })

  it('turns a dropped file into a handle: the path goes to main, only the handle and name come back', async () => {
    const file = new File(['x'], 'report.pdf')
    const picked = { handle: `fh_${'P'.repeat(43)}`, name: 'report.pdf' }
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: picked })
    await expect(api().handleForFile(file)).resolves.toEqual(picked)
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file)
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_DROPPED_FILE_CHANNEL, '/home/analyst/Downloads/report.pdf')
  })

  it('refuses a File the page made itself (no place on the computer) without touching IPC', async () => {
    electron.webUtils.getPathForFile.mockReturnValueOnce('')
    await expect(api().handleForFile(new File(['x'], 'forged.pdf'))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    electron.webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new TypeError('not a File')
    })
    await expect(api().handleForFile({ name: '/etc/passwd' } as unknown as File)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })
})

describe('the plain method list the preload uses', () => {
  it('holds exactly the contract methods, once each', () => {
    expect(new Set(METHOD_NAME_LIST).size).toBe(METHOD_NAME_LIST.length)
    expect([...METHOD_NAME_LIST].sort()).toEqual([...METHOD_NAMES].sort())
  })
})

describe('the plain event list the preload uses', () => {
  it('names each event once, and the preload forwards every one of them to the page', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length)
    for (const event of EVENT_NAMES) {
      const listener = vi.fn()
      const stop = api().on(event, listener)
      electron.ipcRenderer.deliver(IPC_EVENT_CHANNEL, event, { probe: event })
      stop()
      expect(listener, event).toHaveBeenCalledWith({ probe: event })
    }
  })
})

describe('the preload bundle', () => {
  it('does not pull zod (or the schemas) in at run time', async () => {
    const { readFileSync, existsSync } = await import('node:fs')
    const { dirname, resolve } = await import('node:path')
    const seen = new Set<string>()
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const source = readFileSync(file, 'utf8')
      // Type-only imports vanish from the bundle; every other import is followed.
      for (const match of source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = match[1]!
        expect(spec, `${file} imports ${spec}`).not.toBe('zod')
        if (!spec.startsWith('.')) continue
        const target = [`${spec}.ts`, `${spec}/index.ts`].map((s) => resolve(dirname(file), s)).find((p) => existsSync(p))
        if (target) visit(target)
      }
    }
    visit(resolve(__dirname, '../../electron/preload/index.ts'))
    expect([...seen].some((f) => f.endsWith('contract/index.ts'))).toBe(false)
    expect([...seen].some((f) => f.endsWith('method-names.ts'))).toBe(true)
  })
})
