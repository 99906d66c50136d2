import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api'
import type { Handlers } from '../shared/contract/index'
import type { ErrorPayload } from '../shared/errors'
import type { EventHub } from '../core/app/events'
import { dispatch as coreDispatch } from '../core/app/dispatch'
import { AppError, isAppError, toErrorPayload } from '../core/errors'

/** What one invoke answers over IPC: never a thrown Error, whose fields Electron would mangle. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: ErrorPayload }

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  handlers: Handlers
  getWindow: () => BrowserWindow | null
  isTrustedUrl: (url: string) => boolean
  dispatch?: typeof coreDispatch
  /** Where failures that are not AppErrors are reported (the renderer only sees INTERNAL). */
  logError?: (error: unknown) => void
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

/** Only the top frame of our own window, showing our own page, may call the core. */
export function isTrustedSender(event: SenderEvent, win: BrowserWindow | null, isTrustedUrl: (url: string) => boolean): boolean {
  if (!win || win.isDestroyed()) return false
  const contents = win.webContents
  if (event.sender !== contents) return false
  const frame = event.senderFrame
  if (!frame) return false
  const main = contents.mainFrame
  const isMainFrame = frame === main || (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId)
  return isMainFrame && isTrustedUrl(frame.url)
}

export function createInvokeHandler(deps: IpcDeps): (event: SenderEvent, method: unknown, args: unknown) => Promise<InvokeReply> {
  const dispatch = deps.dispatch ?? coreDispatch
  const logError = deps.logError ?? ((error: unknown) => console.error('[evident] invoke failed:', error))
  return async (event, method, args) => {
    try {
      if (!isTrustedSender(event, deps.getWindow(), deps.isTrustedUrl)) {
        throw new AppError('FORBIDDEN', 'This request did not come from the Evident window, so it was refused.')
      }
      return { ok: true, value: await dispatch(deps.handlers, method, args) }
    } catch (error) {
      if (!isAppError(error)) logError(error)
      return { ok: false, error: toErrorPayload(error) }
    }
  }
}

/** The one IPC entry point: every contract method goes through this handler. Returns an unregister function. */
export function registerIpc(deps: IpcDeps): () => void {
  const handler = createInvokeHandler(deps)
  deps.ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, args: unknown) => handler(event, method, args))
  return () => deps.ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
}

/** Core events go to our window's page, and only while it still shows our page. */
export function forwardEvents(
  events: Pick<EventHub, 'subscribe'>,
  getWindow: () => BrowserWindow | null,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  return events.subscribe((event, payload) => {
    const win = getWindow()
    if (!win || win.isDestroyed()) return
    const contents = win.webContents
    if (contents.isDestroyed() || !isTrustedUrl(contents.getURL())) return
    contents.send(IPC_EVENT_CHANNEL, event, payload)
  })
}
