import type { ErrorPayload } from '../../../shared/errors'
import type { ExtractOptions } from '../extract'
import type { ExtractedDocument } from '../extracted'

/**
 * The messages between the app and a document-parser process. The parser is handed a file's bytes, never
 * a path, so it needs no access to the project or the user's files; it answers with blocks or an error.
 */
export type ParserRequest = {
  type: 'parse'
  id: number
  fileName: string
  bytes: Uint8Array
  options: Pick<ExtractOptions, 'maxBytes' | 'maxInflatedBytes' | 'titleHint'>
}

export type ParserReply =
  | { type: 'ready' }
  /** The work a file turns out to hold (a PDF's page count): the parent lengthens the time limit to match. */
  | { type: 'announce'; id: number; pages: number }
  | { type: 'done'; id: number; document: ExtractedDocument }
  | { type: 'failed'; id: number; error: ErrorPayload }

/**
 * Written to stderr by the parser's memory watchdog just before it ends its own process, so the parent can
 * tell "needed more memory than allowed" from any other crash. V8's own out-of-memory abort is
 * recognised by its message (HEAP_EXHAUSTED_PATTERN).
 */
export const MEMORY_CEILING_MARKER = 'evident-parser: memory ceiling reached'
export const HEAP_EXHAUSTED_PATTERN = /heap out of memory|Reached heap limit|allocation failed/i

export function isParserReply(value: unknown): value is ParserReply {
  if (typeof value !== 'object' || value === null) return false
  const type = (value as { type?: unknown }).type
  return type === 'ready' || type === 'announce' || type === 'done' || type === 'failed'
}

export function isParserRequest(value: unknown): value is ParserRequest {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<ParserRequest>
  return v.type === 'parse' && typeof v.id === 'number' && typeof v.fileName === 'string' && v.bytes instanceof Uint8Array
}
