import type { Args, MethodName, Result } from './contract/index'
import type { PickedFile } from './dto/files'
import type { EventName, Events } from './events'

/** What the renderer sees as window.evident (Electron) or the HTTP client (browser mode). */
export interface EvidentApi {
  invoke<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /**
   * A File the analyst dropped on the window or chose in a file input, as a read handle: Electron's preload
   * finds where it is on the computer (the window never sees that), browser mode uploads its bytes.
   */
  handleForFile(file: File): Promise<PickedFile>
}

/** The channel names used over IPC. */
export const IPC_INVOKE_CHANNEL = 'evident:invoke'
export const IPC_EVENT_CHANNEL = 'evident:event'
/** Only the preload sends on it, with the place webUtils found for a File the analyst dropped. */
export const IPC_DROPPED_FILE_CHANNEL = 'evident:dropped-file'
