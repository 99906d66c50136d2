import { contextBridge, ipcRenderer, webUtils, type IpcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EvidentApi } from '../shared/api'
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

export function createEvidentApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): EvidentApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let attached = false
  // One IPC listener for all subscriptions; the renderer never sees the IpcRendererEvent (it carries `sender`).
  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string') return
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
  }

  return {
    async invoke(method, args) {
      if (typeof method !== 'string' || !methods.has(method)) {
        throw failure('NOT_FOUND', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`)
      }
      const reply: unknown = await ipc.invoke(IPC_INVOKE_CHANNEL, method, args)
      if (!isReply(reply)) throw failure('INTERNAL', 'Evident sent back an answer it could not read.')
      if (!reply.ok) throw failure(reply.error.code, reply.error.message)
      return reply.value as Result<typeof method>
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

/** Drag-dropped desktop files carry no path in a sandboxed page; this recovers it so import can read the file. */
export const evidentFiles = {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld('evident', createEvidentApi(ipcRenderer))
contextBridge.exposeInMainWorld('evidentFiles', evidentFiles)
