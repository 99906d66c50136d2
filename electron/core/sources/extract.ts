import { MAX_DOCX_INFLATED_BYTES, MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import type { SourceFormat } from '../../shared/dto/sources'
import { AppError, isAppError } from '../errors'
import type { ExtractedDocument } from './extracted'
import type { VisualLine } from './formats/pdf-layout'
import { extractDocx } from './formats/docx'
import { extractHtml } from './formats/html'
import { extractPdf } from './formats/pdf'
import type { OcrProgress } from './formats/pdf-ocr'
import { extractTxt } from './formats/txt'
import { plausibleTitle, keepPlausible } from './plausible'
import { labelled, labelledFromText, mergeLabelled, type Labelled } from './provenance'
import { trimWebCapture } from './web-capture'

export interface ExtractOptions {
  /** Defaults to MAX_IMPORT_FILE_BYTES; lowered by tests so they need not allocate 100 MB. */
  maxBytes?: number
  /** Defaults to MAX_DOCX_INFLATED_BYTES: the most a .docx may inflate to, counted while inflating. */
  maxInflatedBytes?: number
  /** The title from a record we already trust (starter corpus): lets a saved web page be cut to the article. */
  titleHint?: string
  /** A page fetched from an address: relative links in its metadata are read against it. */
  baseUrl?: string
  /**
   * A page fetched from an address must hold an article: a log-in wall or a captcha page, where Readability
   * finds none, is refused rather than imported as the site's furniture. A saved file keeps the fallback.
   */
  requireArticle?: boolean
  /** Set by a parser process: lets a long PDF tell its length and hand part of its pages to another reader. */
  share?: WorkShare
  /** Told as each scanned page of a PDF is read by OCR (seconds a page, so worth showing). */
  onOcrProgress?: (progress: OcrProgress) => void
}

/** One PDF page's lines as laid out (text, baseline, size), the unit a shared PDF's pages travel in. */
export type { VisualLine } from './formats/pdf-layout'

export interface WorkShare {
  /**
   * Told a PDF's page count once it is known (so a time limit can grow with it); answers the page from
   * which another reader reads the rest at the same time, or null to read every page here.
   */
  announce(pages: number): Promise<number | null>
  /** The other reader's pages, from the page `announce` gave to the end; null if it failed (read them here). */
  sharedPages(): Promise<VisualLine[][] | null>
}

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'] as const

const MAGIC: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or Word document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-style Office document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
]

function formatOf(fileName: string): SourceFormat | undefined {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? undefined : FORMATS[fileName.slice(dot).toLowerCase()]
}

/** What a file's first bytes say it is ("a PDF", "a PNG image"), for a message; undefined when they say nothing. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  return MAGIC.find(([magic]) => magic.every((byte, index) => bytes[index] === byte))?.[1]
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`
}

/** A file's bytes → normalised blocks and pre-filled record fields, or an AppError saying why not. */
export async function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_FILE_BYTES
  const format = formatOf(fileName)
  if (!format) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `"${fileName}" is not a format Evident can import. Supported files: ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    )
  }
  if (bytes.length > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', `"${fileName}" is ${megabytes(bytes.length)}: Evident imports files up to ${megabytes(maxBytes)}.`)
  }
  if (bytes.length === 0) throw new AppError('EMPTY_FILE', `"${fileName}" is empty: there is no text to import.`)
  const kind = binaryKind(bytes)
  if (kind && (format === 'txt' || format === 'md' || format === 'html')) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `"${fileName}" looks like a binary file (${kind}), not text: rename it with the right extension or save it as text.`,
    )
  }
  let document: ExtractedDocument
  try {
    document = await extractByFormat(fileName, bytes, format, options)
  } catch (error) {
    if (isAppError(error)) throw error
    throw new AppError('CORRUPT_FILE', `"${fileName}" could not be read: it looks damaged or is not really a ${format} file.`, {
      cause: error,
    })
  }
  if (format !== 'pdf' && format !== 'docx') {
    document = { ...document, blocks: trimWebCapture(document.blocks, options.titleHint ?? document.metadata.title) }
  }
  if (!document.blocks.length) throw new AppError('EMPTY_FILE', `"${fileName}" has no text to import.`)
  const text = document.blocks.map((block) => block.text).join('\n\n')
  const own = { metadata: document.metadata, provenance: document.provenance ?? {} }
  const { record } = keepPlausible(mergeLabelled(own, labelledFromText(text)), fileName)
  return { ...document, ...withHeadingTitle(record, document.blocks, fileName) }
}

/** No title of its own (or none that passed): the document's first heading, near its top, as a guess. */
function withHeadingTitle(record: Labelled, blocks: ExtractedDocument['blocks'], fileName: string): Labelled {
  if (record.metadata.title) return record
  const heading = blocks.slice(0, 3).find((block) => block.kind === 'heading')
  const verdict = plausibleTitle(heading?.text, fileName)
  if (!verdict.accept) return record
  return mergeLabelled(record, labelled({ title: verdict.value }, { kind: 'guessed', detail: "the document's first heading" }))
}

function extractByFormat(fileName: string, bytes: Uint8Array, format: SourceFormat, options: ExtractOptions) {
  switch (format) {
    case 'txt':
    case 'md':
      return extractTxt(fileName, bytes, format)
    case 'html':
      return extractHtml(fileName, bytes, { baseUrl: options.baseUrl, requireArticle: options.requireArticle })
    case 'docx':
      return extractDocx(fileName, bytes, { maxInflatedBytes: options.maxInflatedBytes ?? MAX_DOCX_INFLATED_BYTES })
    case 'pdf':
      return extractPdf(fileName, bytes, options.share, options.onOcrProgress)
  }
}
