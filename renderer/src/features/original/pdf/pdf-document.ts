import { getDocument, GlobalWorkerOptions, PDFDataRangeTransport, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import type { EvidentApi } from '@shared/api'
import { MAX_ORIGINAL_RANGE_BYTES } from '@shared/limits'

// The worker is a file of the app's own build, so the policy's script-src 'self' admits it; pdf.js parses
// the untrusted PDF there, off the page's thread, as Chromium's own viewer does.
GlobalWorkerOptions.workerSrc = workerUrl

/**
 * Pieces pdf.js asks for: small enough that opening a 100 MB report reads only what its first page needs, large
 * enough that the walk pdf.js makes over the page tree before it opens a document (it loads the last page, and a
 * flat tree names every page's dictionary on the way, spread over the whole file) is a few calls, not dozens.
 */
const CHUNK = 256 * 1024

/** One pdf.js worker for every original shown: starting one parses its 1 MB script, a fifth of the time to the first page. */
let worker: PDFWorker | null = null
function sharedWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker()
  return worker
}

const decodeBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array }).fromBase64

function bytesOf(base64: string): Uint8Array {
  if (decodeBase64) return decodeBase64(base64)
  const binary = atob(base64)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** pdf.js reads the file from the core piece by piece (`sources.originalRange`), never all at once. */
class OriginalTransport extends PDFDataRangeTransport {
  constructor(
    private readonly api: EvidentApi,
    private readonly sourceId: string,
    size: number,
    first: Uint8Array,
  ) {
    super(size, first)
  }

  override requestDataRange(begin: number, end: number): void {
    const length = Math.min(end - begin, MAX_ORIGINAL_RANGE_BYTES)
    void this.api.invoke('sources.originalRange', { id: this.sourceId, offset: begin, length }).then(
      (piece) => this.onDataRange(begin, bytesOf(piece.dataBase64)),
      // A piece that cannot be read fails the page that needed it; pdf.js reports that page's error.
      () => this.onDataRange(begin, new Uint8Array(0)),
    )
  }
}

export interface OpenedPdf {
  pdf: PDFDocumentProxy
  /** Printed page labels ("iv", "12") by page index, or null when the PDF has none. */
  labels: string[] | null
}

export async function openOriginalPdf(api: EvidentApi, sourceId: string): Promise<OpenedPdf> {
  // Started before the first piece is read, so the worker's script loads meanwhile.
  const pdfWorker = sharedWorker()
  const first = await api.invoke('sources.originalRange', { id: sourceId, offset: 0, length: CHUNK })
  const transport = new OriginalTransport(api, sourceId, first.size, bytesOf(first.dataBase64))
  const pdf = await getDocument({
    range: transport,
    worker: pdfWorker,
    rangeChunkSize: CHUNK,
    // Only the pages the analyst looks at are read; nothing is fetched ahead in the background.
    disableAutoFetch: true,
    disableStream: true,
    // No code generated from the document (pdf.js would otherwise compile fonts into functions).
    isEvalSupported: false,
    // The image decoders' WebAssembly would need 'wasm-unsafe-eval' in the policy; pdf.js decodes in JS instead.
    useWasm: false,
    // Character maps (CJK text) and the 14 standard fonts ship with the renderer build (electron.vite.config.ts).
    cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
    enableXfa: false,
  }).promise
  const labels = await pdf.getPageLabels().catch(() => null)
  return { pdf, labels }
}
