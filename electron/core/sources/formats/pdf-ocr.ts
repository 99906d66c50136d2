import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { OcrReading, OcrWord } from '../../../shared/dto/sources'
import { MAX_OCR_WORD_CHARS, MAX_OCR_WORDS_PER_PAGE } from '../../../shared/limits'
import { pdfRuntime } from './pdf-runtime'

/**
 * Scanned pages read offline with tesseract.js and the English model shipped as an npm package
 * (@tesseract.js-data/eng): nothing is fetched, nothing is cached to disk (the parser process may read only the
 * app's own files). A scanned page is a picture drawn over the page; the largest one is what is read.
 * Runs in the parser process like every other reading of an untrusted file.
 */

/** What tesseract.js answers for a page, as far as this module reads it. */
interface OcrPage {
  confidence: number
  blocks: { paragraphs: { lines: OcrLine[] }[] }[] | null
}

/** A box in the picture's pixels, from its top left corner. */
interface PixelBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

interface OcrLine {
  text: string
  bbox: PixelBox
  words: { text: string; confidence: number; bbox: PixelBox }[]
}

interface OcrWorker {
  recognize(image: Buffer, options: object, output: { blocks: boolean; text: boolean }): Promise<{ data: OcrPage }>
  terminate(): Promise<unknown>
}

/** An image's pixels as pdf.js decodes them (ImageKind: 1 one bit a pixel, 2 RGB, 3 RGBA). */
interface DecodedImage {
  width: number
  height: number
  kind?: number
  data?: Uint8Array | Uint8ClampedArray
}

/** A page's scan and where it is drawn: the transformation that maps the picture's unit square onto the page. */
interface PlacedScan {
  image: DecodedImage
  matrix: number[]
}

/**
 * A page is read when it has no text and a picture at least this large that covers most of the page: a scan.
 * A chart or photograph on a page of its own is not read as text.
 */
const MIN_SCAN_PIXELS = 400 * 400
const MIN_SCAN_COVERAGE = 0.6
/** Words recognised below this confidence are marked as doubtful in the summary's count. */
const MIN_WORD_CONFIDENCE = 60

export interface OcrProgress {
  page: number
  pages: number
}

/** The lines of each page OCR read ("" between paragraphs, as the text pages have them) and how sure it was. */
export interface OcrResult {
  pages: Map<number, string[]>
  /** Where each word of those lines sits on its page, line by line (see OcrWord). */
  words: Map<number, OcrWord[][]>
  /** How many of the pages given held a scan at all (the rest are blank or drawn). */
  scans: number
  reading: OcrReading
}

/**
 * Reads the pages given (those with no text) and returns their lines. A scan OCR finds no words in is
 * counted as unread rather than passed silently; a page with no scan is simply blank.
 */
export async function recognisePages(
  pdf: Pdfjs.PDFDocumentProxy,
  numbers: number[],
  onProgress?: (progress: OcrProgress) => void,
): Promise<OcrResult> {
  const pages = new Map<number, string[]>()
  const boxes = new Map<number, OcrWord[][]>()
  const unread: number[] = []
  let confidenceSum = 0
  let words = 0
  let doubtful = 0
  let scans = 0
  let worker: OcrWorker | undefined
  const { pdfjs } = await pdfRuntime()
  try {
    for (const [index, number] of numbers.entries()) {
      onProgress?.({ page: index + 1, pages: numbers.length })
      const scan = await largestImage(pdfjs, await pdf.getPage(number))
      if (!scan) continue
      scans++
      worker ??= await startWorker()
      const { data } = await worker.recognize(toPgm(scan.image), {}, { blocks: true, text: true })
      const recognised = (data.blocks ?? []).map((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines))
      for (const word of recognised.flat().flatMap((line) => line.words)) {
        confidenceSum += word.confidence
        words++
        if (word.confidence < MIN_WORD_CONFIDENCE) doubtful++
      }
      const lines = withGaps(recognised)
      if (lines.length) {
        pages.set(number, lines)
        boxes.set(number, wordBoxes(recognised.flat(), scan))
      } else unread.push(number)
    }
  } finally {
    await worker?.terminate()
  }
  return {
    pages,
    words: boxes,
    scans,
    reading: {
      pages: pages.size,
      meanConfidence: words ? Math.round(confidenceSum / words) : 0,
      words,
      doubtfulWords: doubtful,
      unreadPages: unread,
    },
  }
}

/**
 * A page's lines with "" where a paragraph ends: between tesseract's blocks, and where the space above a line
 * is clearly more than the page's usual line pitch (tesseract's own paragraphs often run a gap together).
 */
function withGaps(blocks: OcrLine[][]): string[] {
  const pitches = blocks.flatMap((lines) => lines.slice(1).map((line, i) => line.bbox.y0 - lines[i]!.bbox.y0)).filter((p) => p > 0).sort((a, b) => a - b)
  const usual = pitches[Math.floor(pitches.length / 2)] ?? Infinity
  const out: string[] = []
  for (const lines of blocks) {
    if (out.length && out[out.length - 1] !== '') out.push('')
    lines.forEach((line, i) => {
      const text = line.text.replace(/\s+/g, ' ').trim()
      if (!text) return
      if (i > 0 && line.bbox.y0 - lines[i - 1]!.bbox.y0 > usual * 1.5 && out[out.length - 1] !== '') out.push('')
      out.push(text)
    })
  }
  while (out[out.length - 1] === '') out.pop()
  return out
}

/** Tenths of a point: finer than any glyph edge on a scan, and a page's words stay small in the project. */
const round = (n: number) => Math.round(n * 10) / 10

/**
 * The words of a page's lines with their boxes mapped from the picture's pixels (top left origin) through its
 * place on the page into PDF user space, at most MAX_OCR_WORDS_PER_PAGE of them.
 */
function wordBoxes(lines: OcrLine[], { image, matrix }: PlacedScan): OcrWord[][] {
  const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number]
  const toPage = (x: number, y: number): [number, number] => {
    const u = x / image.width
    const v = 1 - y / image.height
    return [a * u + c * v + e, b * u + d * v + f]
  }
  let budget = MAX_OCR_WORDS_PER_PAGE
  const out: OcrWord[][] = []
  for (const line of lines) {
    const words: OcrWord[] = []
    for (const word of line.words) {
      const text = word.text.replace(/\s+/g, '').slice(0, MAX_OCR_WORD_CHARS)
      if (!text || budget <= 0) continue
      budget--
      const [px, py] = toPage(word.bbox.x0, word.bbox.y1)
      const [qx, qy] = toPage(word.bbox.x1, word.bbox.y0)
      words.push([text, round(Math.min(px, qx)), round(Math.min(py, qy)), round(Math.max(px, qx)), round(Math.max(py, qy))])
    }
    if (words.length) out.push(words)
  }
  return out
}

async function startWorker(): Promise<OcrWorker> {
  const require = createRequire(__filename)
  const { createWorker } = (await import('tesseract.js')) as unknown as {
    createWorker(lang: string, oem: number, options: object): Promise<OcrWorker>
  }
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
  // LSTM only (OEM 1): the model shipped is the LSTM one. No cache: this process may write nowhere.
  return createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' })
}

/**
 * The page's scan: its largest picture, if it covers most of the page, decoded by pdf.js (images live in the
 * page's objects, or in the document's shared ones, "g_…"). Where it is drawn comes from the transformation
 * in force when it is painted (an image fills the unit square of that matrix).
 */
async function largestImage(pdfjs: typeof Pdfjs, page: Pdfjs.PDFPageProxy): Promise<PlacedScan | null> {
  try {
    const ops = await page.getOperatorList()
    const [x0, y0, x1, y1] = page.view
    const pageArea = Math.abs((x1! - x0!) * (y1! - y0!)) || 1
    const stack: number[][] = []
    let matrix = [1, 0, 0, 1, 0, 0]
    let best: { name: string; pixels: number; matrix: number[] } | null = null
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[]
      if (fn === pdfjs.OPS.save) stack.push(matrix)
      else if (fn === pdfjs.OPS.restore) matrix = stack.pop() ?? [1, 0, 0, 1, 0, 0]
      else if (fn === pdfjs.OPS.transform) matrix = multiply(matrix, args as number[])
      else if (fn === pdfjs.OPS.paintImageXObject) {
        const [name, width, height] = args as [string, number, number]
        const pixels = width * height
        const coverage = Math.abs(matrix[0]! * matrix[3]! - matrix[1]! * matrix[2]!) / pageArea
        if (pixels >= MIN_SCAN_PIXELS && coverage >= MIN_SCAN_COVERAGE && (!best || pixels > best.pixels)) best = { name, pixels, matrix }
      }
    })
    const chosen = best as { name: string; matrix: number[] } | null
    if (!chosen) return null
    const objects = chosen.name.startsWith('g_') ? page.commonObjs : page.objs
    const image = await new Promise<DecodedImage>((resolve) => objects.get(chosen.name, resolve as (data: unknown) => void))
    return { image, matrix: chosen.matrix }
  } finally {
    page.cleanup()
  }
}

/** m · n for PDF matrices [a b c d e f], applying n first (as a `cm` operator does to the current matrix). */
function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number]
  const [p, q, r, s, t, u] = n as [number, number, number, number, number, number]
  return [p * a + q * c, p * b + q * d, r * a + s * c, r * b + s * d, t * a + u * c + e, t * b + u * d + f]
}

/** The picture as an 8-bit grey PGM, a format tesseract's image library reads without any other decoder. */
export function toPgm(image: DecodedImage): Buffer {
  const { width, height, data } = image
  const grey = Buffer.alloc(width * height, 255)
  if (data) {
    if (image.kind === 1) {
      // One bit a pixel, rows padded to whole bytes; 1 is white in pdf.js's GRAYSCALE_1BPP.
      const rowBytes = (width + 7) >> 3
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) grey[y * width + x] = data[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0
      }
    } else {
      const step = image.kind === 3 ? 4 : 3
      for (let p = 0, q = 0; p < grey.length && q + 2 < data.length; p++, q += step) {
        grey[p] = (data[q]! * 299 + data[q + 1]! * 587 + data[q + 2]! * 114) / 1000
      }
    }
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), grey])
}
