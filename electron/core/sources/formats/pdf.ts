import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { AppError } from '../../errors'
import type { ExtractedDocument } from '../extracted'
import { metadataFromPdfInfo } from '../metadata'
import { cleanLine, linesToBlocks, stripPageFurniture, type TextLine } from '../normalise'

interface PositionedItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

interface VisualLine {
  text: string
  y: number
  size: number
}

function isItem(item: unknown): item is PositionedItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item
}

const SPACE = /\s/

/** getTextContent gives runs of text; a new line starts where the baseline moves or the run says so. */
function rebuildLines(items: unknown[]): VisualLine[] {
  const lines: VisualLine[] = []
  let current: { parts: string[]; y: number; size: number; endX: number; endsInSpace: boolean } | null = null
  const flush = () => {
    if (!current) return
    const text = current.parts.join('')
    if (cleanLine(text)) lines.push({ text, y: current.y, size: current.size })
    current = null
  }
  for (const item of items) {
    if (!isItem(item)) continue
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = Math.hypot(c, d) || item.height || 10
    if (current && Math.abs(y - current.y) > size * 0.5) flush()
    const str = item.str
    if (!current) current = { parts: [], y, size, endX: x, endsInSpace: false }
    else if (x - current.endX > size * 0.15 && !current.endsInSpace && !SPACE.test(str.charAt(0))) {
      current.parts.push(' ')
      current.endsInSpace = true
    }
    if (str) {
      current.parts.push(str)
      current.endsInSpace = SPACE.test(str.charAt(str.length - 1))
    }
    current.endX = x + item.width
    if (item.hasEOL) flush()
  }
  flush()
  return lines
}

/** The usual distance between lines, taken over the whole document: one page may hold a single gap. */
function usualSpacing(pages: VisualLine[][]): number {
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, i) => lines[i]!.y - line.y)).filter((gap) => gap > 0)
  // A low quantile, not the median: in short documents paragraph gaps can be half of all gaps.
  const usual = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 4)] ?? 0
  if (gaps.length >= 5) return usual
  // Too few lines to learn the spacing from: assume ordinary single spacing of the body text.
  const size = pages.flat()[0]?.size ?? 10
  return usual > 0 ? Math.min(usual, size * 1.3) : 0
}

/** Lines of one page, with "" where the vertical gap is wider than the usual line spacing. */
function withParagraphGaps(lines: VisualLine[], usual: number): string[] {
  const out: string[] = []
  lines.forEach((line, i) => {
    const previous = lines[i - 1]
    if (previous) {
      const gap = previous.y - line.y
      if (gap < 0 || (usual > 0 && gap > usual * 1.5) || (usual === 0 && gap > line.size * 2)) out.push('')
    }
    out.push(line.text)
  })
  return out
}

function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 1024))
  return tail.includes('%%EOF')
}

/**
 * pdfjs-dist's legacy build (the one for Node) bundles core-js, and one of its polyfills replaces
 * Array.prototype.push for the whole process with a JavaScript version, because V8's native push does not
 * throw on an array whose length was made read-only. Nothing here relies on that edge case, and the
 * polyfill made every push in the process several times slower: a quarter of PDF extraction time, and
 * everything else the main process does once a PDF has been read. The engine's own push is captured here,
 * before pdf.js is first loaded (this module loads it lazily), and put back once it has.
 * (core-js also dresses its functions up as "[native code]", so identity is the only test that works.)
 */
const enginePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!

function restoreEnginePush(): void {
  if (Array.prototype.push !== enginePush.value) Object.defineProperty(Array.prototype, 'push', enginePush)
}

interface PdfRuntime {
  pdfjs: typeof Pdfjs
  worker: Pdfjs.PDFWorker
}

let runtime: Promise<PdfRuntime> | undefined

/** Pages asked for ahead of the one being read (see readPages). */
const PAGES_AHEAD = 2

/**
 * pdf.js and one worker, set up once and shared by every PDF the process reads: loading the modules and
 * starting a worker is per process, not per file. In Node the worker code runs on this thread ("fake
 * worker"); handing it the worker module here, rather than letting it import one by a path relative to
 * itself, keeps that working when the main process is bundled.
 */
async function pdfRuntime(): Promise<PdfRuntime> {
  runtime ??= startRuntime()
  const loading = runtime
  const ready = await loading
  if (!ready.worker.destroyed) return ready
  // Nothing here destroys the shared worker; should anything ever do so, the next PDF starts a new one.
  if (runtime === loading) runtime = undefined
  return pdfRuntime()
}

/**
 * pdf.js needs DOMMatrix as soon as it loads, and in Node borrows it from @napi-rs/canvas, a native addon.
 * The document reader runs under Node's permission model, which allows no native addons (an addon's C code
 * would bypass the file-access rules), and reading text draws nothing: a pure-JS DOMMatrix is all it needs.
 */
async function provideDomMatrix(): Promise<void> {
  const global = globalThis as { DOMMatrix?: unknown }
  if (global.DOMMatrix) return
  const { default: CSSMatrix } = await import('@thednp/dommatrix')
  global.DOMMatrix = CSSMatrix
}

function startRuntime(): Promise<PdfRuntime> {
  const loading = (async () => {
    await provideDomMatrix()
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const global = globalThis as { pdfjsWorker?: unknown }
    // @ts-expect-error -- pdfjs-dist ships no type declarations for its worker module.
    global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    restoreEnginePush()
    const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS })
    await worker.promise
    return { pdfjs, worker }
  })()
  // A failed set-up is not kept: the next PDF tries again.
  loading.catch(() => {
    if (runtime === loading) runtime = undefined
  })
  return loading
}

/** Each page's text items, in order, made into T as they come: one page per turn of the event loop. */
async function readPages<T>(pdf: Pdfjs.PDFDocumentProxy, each: (items: unknown[]) => T): Promise<T[]> {
  const read = async (number: number) => {
    const page = await pdf.getPage(number)
    // Unicode normalisation stays on: it is what turns ligature glyphs ("ﬁ", "ﬂ") back into letters.
    const content = await page.getTextContent({ includeMarkedContent: false })
    page.cleanup()
    return content.items
  }
  // The next pages are asked for before this one is awaited, so their content streams inflate (zlib, off
  // this thread) while this one is laid out, instead of this thread waiting idle for each in turn.
  const pending: Promise<unknown[]>[] = []
  const ask = (number: number) => {
    if (number > pdf.numPages) return
    const items = read(number)
    items.catch(() => undefined) // awaited in its turn below; not left unhandled if an earlier page fails
    pending.push(items)
  }
  for (let number = 1; number <= PAGES_AHEAD; number++) ask(number)
  const pages: T[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    ask(number + PAGES_AHEAD)
    pages.push(each(await pending.shift()!))
    // The process that imports also answers the window: let the event loop turn between pages.
    await yieldToEventLoop()
  }
  return pages
}

export async function extractPdf(
  fileName: string,
  bytes: Uint8Array,
  onAnnounce?: (work: { pages: number }) => void,
): Promise<ExtractedDocument> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
  if (!head.includes('%PDF-')) throw new AppError('CORRUPT_FILE', `"${fileName}" is not a PDF: it does not start like one.`)
  // Acrobat requires %%EOF within the last 1024 bytes (PDF reference, implementation note 18); without it
  // the file was cut off, and pdf.js would quietly rebuild a partial document from what is left.
  if (!hasEndOfFile(bytes)) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: the PDF is cut off before its end (it may not have finished downloading).`)
  }
  const { pdfjs, worker } = await pdfRuntime()
  const task = pdfjs.getDocument({
    // A copy: the caller still needs its bytes (hash, stored original), and pdf.js hands these to its worker.
    data: new Uint8Array(bytes),
    worker,
    // Text only: nothing is drawn, so no fonts are installed, no system fonts looked for, no images decoded,
    // no font programs compiled with eval, no WebAssembly decoders loaded and nothing fetched.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    fontExtraProperties: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  try {
    let document
    try {
      document = await task.promise
    } catch (error) {
      if ((error as { name?: string } | null)?.name === 'PasswordException') {
        throw new AppError('ENCRYPTED', `"${fileName}" is encrypted: Evident cannot read password-protected PDFs.`, { cause: error })
      }
      throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: it cannot be read as a PDF.`, { cause: error })
    }
    onAnnounce?.({ pages: document.numPages })
    const labels = (await document.getPageLabels().catch(() => null)) ?? []
    const visual = await readPages(document, rebuildLines)
    const { info } = await document.getMetadata().catch(() => ({ info: undefined }))
    const usual = usualSpacing(visual)
    const pages = visual.map((lines) => withParagraphGaps(lines, usual))
    if (!pages.some((lines) => lines.length > 0)) {
      throw new AppError(
        'NO_TEXT_LAYER',
        `"${fileName}" has no text layer (it looks scanned): Evident cannot read it without OCR.`,
      )
    }
    const lines: TextLine[] = []
    stripPageFurniture(pages, labels).forEach((pageLines, index) => {
      const page = labels[index] || String(index + 1)
      // Every line left is non-blank but for the "" that mark paragraph gaps (see withParagraphGaps).
      const filled = pageLines.map((line) => line !== '')
      const trimmed = pageLines.slice(filled.indexOf(true), filled.lastIndexOf(true) + 1)
      let first = true
      for (const text of trimmed) {
        lines.push(first ? { text, page, pageStart: true } : { text, page })
        first = false
      }
    })
    await yieldToEventLoop()
    const blocks = linesToBlocks(lines, { wrapped: true })
    return { format: 'pdf', mime: 'application/pdf', blocks, metadata: metadataFromPdfInfo(info as Record<string, unknown>) }
  } finally {
    await task.destroy()
  }
}
