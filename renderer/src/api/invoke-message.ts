import type { TextDelta } from './text-delta'

/** What the page posts to the invoke worker, and what comes back: the HTTP answer, already read. */
export interface InvokeRequest {
  id: number
  method: string
  args: Record<string, unknown>
  /** The argument `key` told as its difference from the text the worker kept last (absent from `args`). */
  delta?: TextDelta & { key: string }
  /** The argument whose text the worker keeps, for the next call's delta. */
  keep?: string
}

export type InvokeReply =
  | { id: number; kind: 'answer'; status: number; body: unknown; readable: boolean }
  | { id: number; kind: 'unreachable' }

/** The one request every call makes, from the page or from the worker. */
export function invokeRequestInit(method: string, args: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ method, args }),
  }
}
