import { stat } from 'node:fs/promises'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_DROPPED_FILE_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api'
import { path as pathSchema } from '../shared/contract/common'
import type { FileHandles } from '../core/app/file-handles'
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
  /** Where a dropped file's handle is minted: the same table the core reads handles from. */
  files: Pick<FileHandles, 'forReading'>
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

/**
 * A file dropped on the window becomes a read handle. The preload sends the path webUtils found for a File
 * the analyst dropped; the page itself cannot reach this channel (context isolation), and what comes back is
 * only the handle and the file's name.
 */
export function createDroppedFileHandler(deps: IpcDeps): (event: SenderEvent, path: unknown) => Promise<InvokeReply> {
  return async (event, path) => {
    try {
      if (!isTrustedSender(event, deps.getWindow(), deps.isTrustedUrl)) {
        throw new AppError('FORBIDDEN', 'This request did not come from the Evident window, so it was refused.')
      }
      const checked = pathSchema.safeParse(path)
      if (!checked.success) throw new AppError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'That is not a file.')
      if (!(await isFile(checked.data))) throw new AppError('INVALID_INPUT', 'Only files can be dropped here, not folders.')
      return { ok: true, value: deps.files.forReading(checked.data) }
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) }
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** The IPC entry points: every contract method, and the preload's dropped files. Returns an unregister function. */
export function registerIpc(deps: IpcDeps): () => void {
  const handler = createInvokeHandler(deps)
  const dropped = createDroppedFileHandler(deps)
  deps.ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, args: unknown) => handler(event, method, args))
  deps.ipcMain.handle(IPC_DROPPED_FILE_CHANNEL, (event, path: unknown) => dropped(event, path))
  return () => {
    deps.ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
    deps.ipcMain.removeHandler(IPC_DROPPED_FILE_CHANNEL)
  }
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
