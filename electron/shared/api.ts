import type { Args, MethodName, Result } from './contract/index'
import type { EventName, Events } from './events'

/** What the renderer sees as window.evident (Electron) or the HTTP client (browser mode). */
export interface EvidentApi {
  invoke<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

/** The channel names used over IPC. */
export const IPC_INVOKE_CHANNEL = 'evident:invoke'
export const IPC_EVENT_CHANNEL = 'evident:event'
