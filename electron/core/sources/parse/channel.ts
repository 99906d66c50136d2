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
  /** V8's own heap limit. */
  maxHeapMegabytes: number
}

/**
 * V8 flags every parser process runs with, in either door. Its heap limit sits below the resident ceiling
 * so V8 fails tidily first where it can. A single-threaded GC: V8's parallel GC helpers let one parser use
 * more than one core, so two parsers on two cores got in each other's way (a 100-page PDF read twice at once
 * went from 1.61× to 1.78× the rate of reading it once, at no cost to a reader alone).
 */
export function parserV8Flags(limits: ParserProcessLimits): string[] {
  return [`--max-old-space-size=${limits.maxHeapMegabytes}`, '--single-threaded-gc']
}

export const DEFAULT_PROCESS_LIMITS: ParserProcessLimits = {
  maxRssBytes: 2 * 1024 * 1024 * 1024,
  maxHeapMegabytes: 1536,
}
