import { contextBridge, ipcRenderer, webUtils, type IpcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_DROPPED_FILE_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EvidentApi } from '../shared/api'
import type { PickedFile } from '../shared/dto/files'
import type { Result } from '../shared/contract/index'
import type { ErrorPayload } from '../shared/errors'
import { EVENT_NAMES, type EventName, type Events } from '../shared/events'
import { METHOD_NAME_LIST } from '../shared/method-names'

type InvokeReply = { ok: true; value: unknown } | { ok: false; error: ErrorPayload }

const methods = new Set<string>(METHOD_NAME_LIST)
const events = new Set<string>(EVENT_NAMES)

/**
 * Rejections are plain { code, message } objects, not Errors: contextBridge copies an Error's message
 * but drops every other property (electron/electron#25596), and the renderer needs the code.
 */
function failure(code: ErrorPayload['code'], message: string): ErrorPayload {
  return { code, message }
}

function isReply(value: unknown): value is InvokeReply {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** Where a File is on this computer ('' for one the page made itself): Electron's webUtils.getPathForFile. */
type PathForFile = (file: File) => string

export function createEvidentApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, pathForFile: PathForFile): EvidentApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let attached = false
  // One IPC listener for all subscriptions; the renderer never sees the IpcRendererEvent (it carries `sender`).
  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string') return
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
  }

  async function call(channel: string, ...args: unknown[]): Promise<unknown> {
    const reply: unknown = await ipc.invoke(channel, ...args)
    if (!isReply(reply)) throw failure('INTERNAL', 'Evident sent back an answer it could not read.')
    if (!reply.ok) throw failure(reply.error.code, reply.error.message)
    return reply.value
  }

  return {
    async invoke(method, args) {
      if (typeof method !== 'string' || !methods.has(method)) {
        throw failure('NOT_FOUND', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`)
      }
      return (await call(IPC_INVOKE_CHANNEL, method, args)) as Result<typeof method>
    },

    // The path goes from here to main and no further: the page gets a handle for it.
    async handleForFile(file) {
      let path = ''
      try {
        path = pathForFile(file)
      } catch {
        // Not a File at all: treated as one with no place, below.
      }
      if (!path) throw failure('INVALID_INPUT', 'That file is not on this computer (it was not dropped from a folder), so it cannot be imported from here.')
      return (await call(IPC_DROPPED_FILE_CHANNEL, path)) as PickedFile
    },

    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      if (!events.has(event) || typeof listener !== 'function') return () => undefined
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      // Main sends each event name only with its own payload type (core/app/events.ts).
      const entry = (payload: unknown): void => listener(payload as Events[E])
      set.add(entry)
      if (!attached) {
        ipc.on(IPC_EVENT_CHANNEL, onEvent)
        attached = true
      }
      return () => {
        set.delete(entry)
        if (set.size === 0) listeners.delete(event)
        if (listeners.size === 0 && attached) {
          ipc.removeListener(IPC_EVENT_CHANNEL, onEvent)
          attached = false
        }
      }
    },
  }
}

contextBridge.exposeInMainWorld('evident', createEvidentApi(ipcRenderer, (file) => webUtils.getPathForFile(file)))
