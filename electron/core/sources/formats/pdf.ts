import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { AppError } from '../../errors'
import type { WorkShare } from '../extract'
import type { Block, ExtractedDocument } from '../extracted'
import { takeLayoutMarks } from '../layout-marks'
import type { FieldOrigin } from '../../../shared/dto/provenance'
import { cleanMetaText, metadataFromPdfInfo, parseNames, type Metadata } from '../metadata'
import { plausibleTitle } from '../plausible'
import { labelled, mergeLabelled, type Labelled } from '../provenance'
import { linesToBlocks, type TextLine } from '../normalise'
import { inColumnOrder } from './pdf-columns'
import { dropRunningLines } from './pdf-furniture'
import { largestText, usualSpacing, withParagraphGaps, type VisualLine } from './pdf-layout'
import { rebuildLines } from './pdf-lines'
import { pdfjsDataFolders } from './pdf-data'
import { recognisePages, type OcrProgress } from './pdf-ocr'
import { pdfRuntime } from './pdf-runtime'

/** Pages asked for ahead of the one being read (see readPages). */
const PAGES_AHEAD = 2

function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 1024))
  return tail.includes('%%EOF')
}

/** Pages from..to (1-based, inclusive) laid out as lines, as they come: one page per turn of the event loop. */
async function readPages(pdf: Pdfjs.PDFDocumentProxy, from: number, to: number): Promise<VisualLine[][]> {
  const read = async (number: number) => {
    const page = await pdf.getPage(number)
    // Unicode normalisation stays on: it is what turns ligature glyphs ("ﬁ", "ﬂ") back into letters.
    const content = await page.getTextContent({ includeMarkedContent: false })
    page.cleanup()
    return content.items
  }
  // The next pages are asked for before this one is awaited, so their content streams inflate while this
  // one is laid out, instead of this thread waiting idle for each in turn.
  const pending: Promise<unknown[]>[] = []
  const ask = (number: number) => {
    if (number > to) return
    const items = read(number)
    items.catch(() => undefined) // awaited in its turn below; not left unhandled if an earlier page fails
    pending.push(items)
  }
  for (let number = from; number < from + PAGES_AHEAD; number++) ask(number)
  const pages: VisualLine[][] = []
  for (let number = from; number <= to; number++) {
    ask(number + PAGES_AHEAD)
    pages.push(rebuildLines(await pending.shift()!))
    // Whoever reads also answers messages (a cancel, the shared pages): let the event loop turn between pages.
    await yieldToEventLoop()
  }
  return pages
}

/** Opens a PDF for text, refusing what is not one, is cut off or is encrypted; `use` gets the open document. */
async function withPdf<T>(fileName: string, bytes: Uint8Array, use: (pdf: Pdfjs.PDFDocumentProxy) => Promise<T>): Promise<T> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
  if (!head.includes('%PDF-')) throw new AppError('CORRUPT_FILE', `"${fileName}" is not a PDF: it does not start like one.`)
  // Acrobat requires %%EOF within the last 1024 bytes (PDF reference, implementation note 18); without it
  // the file was cut off, and pdf.js would quietly rebuild a partial document from what is left.
  if (!hasEndOfFile(bytes)) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: the PDF is cut off before its end (it may not have finished downloading).`)
  }
  const { pdfjs, worker } = await pdfRuntime()
  const { cmaps, standardFonts } = pdfjsDataFolders()
  const task = pdfjs.getDocument({
    // A copy: the caller still needs its bytes (hash, stored original), and pdf.js hands these to its worker.
    data: new Uint8Array(bytes),
    worker,
    // Text only: nothing is drawn, so no fonts are installed, no system fonts looked for, no images decoded,
    // no font programs compiled with eval, no WebAssembly decoders loaded and nothing fetched.
    // What pdf.js does read is its own data, from files that ship with it: without the character maps the
    // text of a Japanese, Chinese or Korean font comes out as junk or not at all (vertical text included).
    cMapUrl: cmaps,
    cMapPacked: true,
    standardFontDataUrl: standardFonts,
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
    return await use(document)
  } finally {
    await task.destroy()
  }
}

/** Pages from..to of a PDF as lines: the part of a long PDF another reader was handed (see WorkShare). */
export function readPdfPageLines(fileName: string, bytes: Uint8Array, from: number, to: number): Promise<VisualLine[][]> {
  return withPdf(fileName, bytes, (pdf) => readPages(pdf, Math.max(1, from), Math.min(pdf.numPages, to)))
}

/** Every page's lines: read here, or in two halves at once when a share hands the second half to another reader. */
async function allPageLines(pdf: Pdfjs.PDFDocumentProxy, share?: WorkShare): Promise<VisualLine[][]> {
  const total = pdf.numPages
  const sharedFrom = (await share?.announce(total)) ?? null
  if (!share || sharedFrom === null || sharedFrom < 2 || sharedFrom > total) return readPages(pdf, 1, total)
  const own = await readPages(pdf, 1, sharedFrom - 1)
  const shared = await share.sharedPages()
  const complete = shared !== null && shared.length === total - sharedFrom + 1
  return own.concat(complete ? shared : await readPages(pdf, sharedFrom, total))
}

export function extractPdf(fileName: string, bytes: Uint8Array, share?: WorkShare, onOcrProgress?: (progress: OcrProgress) => void): Promise<ExtractedDocument> {
  return withPdf(fileName, bytes, async (document) => {
    const labels = (await document.getPageLabels().catch(() => null)) ?? []
    const visual = await allPageLines(document, share)
    const { info, metadata: xmp } = await document.getMetadata().catch(() => ({ info: undefined, metadata: undefined }))
    // Pages without text that are scans are read by OCR; their lines take the place the text layer would have.
    const textless = visual.flatMap((lines, index) => (lines.length ? [] : [index + 1]))
    const ocr = textless.length ? await recognisePages(document, textless, onOcrProgress) : undefined
    if (!visual.some((lines) => lines.length > 0) && !ocr?.pages.size) {
      throw new AppError(
        'NO_TEXT_LAYER',
        ocr?.scans
          ? `"${fileName}" has no text layer, and OCR found no words on its scanned pages: Evident cannot read it.`
          : `"${fileName}" has no text layer and no scanned pages to read: there is no text in it.`,
      )
    }
    const body = dropRunningLines(visual.map(inColumnOrder), labels)
    const usual = usualSpacing(body)
    const lines: TextLine[] = []
    body.map((page, index) => ocr?.pages.get(index + 1) ?? withParagraphGaps(page, usual)).forEach((pageLines, index) => {
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
    const blocks = linesToBlocks(lines, { wrapped: true }).map(withLayoutMarkers)
    const fromInfo = metadataFromPdfInfo(info as Record<string, unknown>)
    const fromXmp = metadataFromXmp(xmp)
    const title = pdfTitle(fileName, fromXmp.title, fromInfo.title, largestText(visual[0] ?? []))
    const record = mergeLabelled(
      title,
      labelled({ ...fromXmp, title: undefined }, { kind: 'document', detail: "the PDF's XMP metadata" }),
      labelled({ ...fromInfo, title: undefined }, { kind: 'document', detail: "the PDF's document information" }),
    )
    return { format: 'pdf', mime: 'application/pdf', blocks, markersFromLayout: true, ...record, ...(ocr?.reading.pages ? { ocr: ocr.reading, ocrWords: [...ocr.words].map(([page, lines]) => ({ page, lines })) } : {}) }
  })
}

/** A block's raised-digit marks (put in by pdf-lines.ts) taken out of its text and kept as its note markers. */
function withLayoutMarkers(block: Block): Block {
  const { text, markers } = takeLayoutMarks(block.text)
  return markers.length ? { ...block, text, markers } : { ...block, text }
}

/** The first title that passes the check: XMP's, the Info dictionary's, else the largest text on page 1 as a guess. */
function pdfTitle(fileName: string, xmp: string | undefined, info: string | undefined, largest: string | undefined): Labelled {
  const candidates: [string | undefined, FieldOrigin][] = [
    [xmp, { kind: 'document', detail: "the PDF's XMP metadata" }],
    [info, { kind: 'document', detail: "the PDF's document information" }],
    [largest, { kind: 'guessed', detail: 'the largest text on page 1' }],
  ]
  for (const [candidate, origin] of candidates) {
    const verdict = plausibleTitle(candidate, fileName)
    if (verdict.accept) return labelled({ title: verdict.value }, origin)
  }
  return labelled({}, { kind: 'guessed' })
}

/** XMP's Dublin Core title and creators, as pdf.js parses the packet (no entity or DTD is interpreted). */
function metadataFromXmp(xmp: { get(name: string): unknown } | null | undefined): Metadata {
  const title = xmp?.get('dc:title')
  const creators = xmp?.get('dc:creator')
  const names = Array.isArray(creators) ? creators.filter((c): c is string => typeof c === 'string') : []
  return {
    title: typeof title === 'string' ? cleanMetaText(title) : undefined,
    author: names.length ? parseNames(names) : undefined,
  }
}

