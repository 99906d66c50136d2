import type { ErrorPayload } from '../../../shared/errors'
import type { ExtractOptions, VisualLine } from '../extract'
import type { ExtractedDocument } from '../extracted'
import type { OriginalView } from '../../../shared/dto/original-view'
import type { RasterisedSvg } from '../formats/svg-raster'

/**
 * The messages between the app and a document-parser process. The parser is handed a file's bytes, never
 * a path, so it needs no access to the project or the user's files; it answers with blocks or an error.
 * A long PDF is read by two parsers at once: the one reading the whole file announces its page count, the
 * app hands the second half to another parser ('pages'), and passes those pages back to the first
 * ('shared'), which assembles the document.
 */
export type ParserRequest =
  | {
      type: 'parse'
      id: number
      fileName: string
      bytes: Uint8Array
      options: Pick<ExtractOptions, 'maxBytes' | 'maxInflatedBytes' | 'titleHint' | 'baseUrl' | 'requireArticle'>
    }
  | { type: 'pages'; id: number; fileName: string; bytes: Uint8Array; from: number; to: number }
  /** The answer to an announce: another parser reads from this page on (null: read them all). */
  | { type: 'plan'; id: number; sharedFrom: number | null }
  | { type: 'shared'; id: number; pages: VisualLine[][] | null }
  /** A saved page or .docx laid out, sanitised, for the Original view. */
  | { type: 'render'; id: number; fileName: string; format: OriginalView['format']; bytes: Uint8Array }
  /** An SVG figure drawn as a PNG. */
  | { type: 'rasterise'; id: number; fileName: string; bytes: Uint8Array }

export type ParserReply =
  | { type: 'ready' }
  /** The work a file turns out to hold (a PDF's page count): the app lengthens the time limit to match. */
  | { type: 'announce'; id: number; pages: number }
  /** A scanned page of it is being read by OCR (seconds each): shown to the analyst, and given its time. */
  | { type: 'progress'; id: number; page: number; pages: number }
  | { type: 'done'; id: number; document: ExtractedDocument }
  | { type: 'pages-done'; id: number; pages: VisualLine[][] }
  | { type: 'rendered'; id: number; view: OriginalView }
  | { type: 'rasterised'; id: number; image: RasterisedSvg }
  | { type: 'failed'; id: number; error: ErrorPayload }

/**
 * Written to stderr by the parser's memory watchdog just before it ends its own process, so the parent can
 * tell "needed more memory than allowed" from any other crash. V8's own out-of-memory abort is
 * recognised by its message (HEAP_EXHAUSTED_PATTERN).
 */
export const MEMORY_CEILING_MARKER = 'evident-parser: memory ceiling reached'
export const HEAP_EXHAUSTED_PATTERN = /heap out of memory|Reached heap limit|allocation failed/i

const REPLY_TYPES = new Set(['ready', 'announce', 'progress', 'done', 'pages-done', 'rendered', 'rasterised', 'failed'])
const REQUEST_TYPES = new Set(['parse', 'pages', 'plan', 'shared', 'render', 'rasterise'])

export function isParserReply(value: unknown): value is ParserReply {
  return typeof value === 'object' && value !== null && REPLY_TYPES.has((value as { type?: string }).type ?? '')
}

export function isParserRequest(value: unknown): value is ParserRequest {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { type?: string; id?: unknown; fileName?: unknown; bytes?: unknown }
  if (!REQUEST_TYPES.has(v.type ?? '') || typeof v.id !== 'number') return false
  return v.type === 'plan' || v.type === 'shared' || (typeof v.fileName === 'string' && v.bytes instanceof Uint8Array)
}
