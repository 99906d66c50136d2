import type { ParserReply, ParserRequest } from './protocol'

/** One running parser process as the pool sees it, whichever way the door started it. */
export interface ParserChannel {
  /** The process id, where the door knows it (for diagnostics and tests). */
  readonly pid?: number
  send(request: ParserRequest): void
  onReply(listener: (reply: ParserReply) => void): void
  onStderr(listener: (text: string) => void): void
  /** Fires once, however the process ended (finished, crashed, killed by us or from outside). */
  onExit(listener: (code: number | null, signal: string | null) => void): void
  /** An idle process must not keep a CLI run alive; a busy one must. */
  setBusy(busy: boolean): void
  kill(): void
}

export type SpawnParser = () => ParserChannel

/** What every parser process is started with. */
export interface ParserProcessLimits {
  /** Resident memory the whole process may use (V8 heap, typed arrays, zlib...). */
  maxRssBytes: number
  /** V8's own heap limit, below the resident ceiling so V8 fails tidily first where it can. */
  maxHeapMegabytes: number
}

export const DEFAULT_PROCESS_LIMITS: ParserProcessLimits = {
  maxRssBytes: 2 * 1024 * 1024 * 1024,
  maxHeapMegabytes: 1536,
}
