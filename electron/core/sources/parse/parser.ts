import { extractDocument, type ExtractOptions } from '../extract'
import type { ExtractedDocument } from '../extracted'

export type ParseOptions = Pick<ExtractOptions, 'maxBytes' | 'maxInflatedBytes' | 'titleHint' | 'baseUrl' | 'requireArticle'>

/** One file to read: its name (which decides the format), its bytes and the limits to read it under. */
export interface ParseJob {
  fileName: string
  bytes: Uint8Array
  options?: ParseOptions
  /** Aborting gives up on the file (a process reading it is ended) and rejects with CANCELLED. */
  signal?: AbortSignal
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
  close(): Promise<void>
}

export const inProcessParser: DocumentParser = {
  concurrency: 1,
  parse: ({ fileName, bytes, options }) => extractDocument(fileName, bytes, options),
  close: async () => undefined,
}
