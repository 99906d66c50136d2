import { extractDocument, type ExtractOptions } from '../extract'
import type { ExtractedDocument } from '../extracted'
import type { OriginalView } from '../../../shared/dto/original-view'
import { renderOriginal } from '../formats/original-view'
import { rasteriseSvg, type RasterisedSvg } from '../formats/svg-raster'
import type { OcrProgress } from '../formats/pdf-ocr'

export type ParseOptions = Pick<ExtractOptions, 'maxBytes' | 'maxInflatedBytes' | 'titleHint' | 'baseUrl' | 'requireArticle'>

/** One file to read: its name (which decides the format), its bytes and the limits to read it under. */
export interface ParseJob {
  fileName: string
  bytes: Uint8Array
  options?: ParseOptions
  /** Aborting gives up on the file (a process reading it is ended) and rejects with CANCELLED. */
  signal?: AbortSignal
  /** Told as each scanned page is read by OCR. */
  onProgress?: (progress: OcrProgress) => void
}

export interface RenderJob {
  fileName: string
  format: OriginalView['format']
  bytes: Uint8Array
}

/** An SVG figure to draw as a PNG. */
export interface RasteriseJob {
  fileName: string
  bytes: Uint8Array
}

/**
 * Turns untrusted bytes into blocks. The app's doors use a ParserPool (separate processes with memory and
 * time limits); the in-process parser is for files Evident ships itself (the starter corpus) and for the
 * benchmark's baseline.
 */
export interface DocumentParser {
  /** How many files a batch should keep in flight with it. */
  readonly concurrency: number
  parse(job: ParseJob): Promise<ExtractedDocument>
  /** A saved page or .docx laid out and sanitised for the Original view (same limits as a parse). */
  render(job: RenderJob): Promise<OriginalView>
  /** An SVG figure drawn as a PNG (same limits as a parse): resvg meets the untrusted drawing only here. */
  rasterise(job: RasteriseJob): Promise<RasterisedSvg>
  close(): Promise<void>
}

export const inProcessParser: DocumentParser = {
  concurrency: 1,
  parse: ({ fileName, bytes, options, onProgress }) => extractDocument(fileName, bytes, { ...options, onOcrProgress: onProgress }),
  render: ({ fileName, format, bytes }) => renderOriginal(fileName, format, bytes),
  rasterise: ({ fileName, bytes }) => rasteriseSvg(fileName, bytes),
  close: async () => undefined,
}
