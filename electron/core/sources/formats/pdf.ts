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

/** getTextContent gives runs of text; a new line starts where the baseline moves or the run says so. */
function rebuildLines(items: unknown[]): VisualLine[] {
  const lines: VisualLine[] = []
  let current: (VisualLine & { endX: number }) | null = null
  for (const item of items) {
    if (!isItem(item)) continue
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = Math.hypot(c, d) || item.height || 10
    if (current && Math.abs(y - current.y) > size * 0.5) {
      lines.push(current)
      current = null
    }
    if (!current) current = { text: '', y, size, endX: x }
    else if (x - current.endX > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ' '
    current.text += item.str
    current.endX = x + item.width
    if (item.hasEOL) {
      lines.push(current)
      current = null
    }
  }
  if (current) lines.push(current)
  return lines.filter((line) => cleanLine(line.text))
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
 * pdf.js in Node runs its worker code on the main thread ("fake worker"). Handing it the worker module
 * here, rather than letting it import one by a path relative to itself, keeps that working when the
 * main process is bundled.
 */
async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const global = globalThis as { pdfjsWorker?: unknown }
  // @ts-expect-error -- pdfjs-dist ships no type declarations for its worker module.
  global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  return pdfjs
}

export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
  if (!head.includes('%PDF-')) throw new AppError('CORRUPT_FILE', `"${fileName}" is not a PDF: it does not start like one.`)
  // Acrobat requires %%EOF within the last 1024 bytes (PDF reference, implementation note 18); without it
  // the file was cut off, and pdf.js would quietly rebuild a partial document from what is left.
  if (!hasEndOfFile(bytes)) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: the PDF is cut off before its end (it may not have finished downloading).`)
  }
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
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
    const labels = (await document.getPageLabels().catch(() => null)) ?? []
    const visual: VisualLine[][] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      visual.push(rebuildLines((await page.getTextContent()).items))
      page.cleanup()
    }
    const usual = usualSpacing(visual)
    const pages = visual.map((lines) => withParagraphGaps(lines, usual))
    if (!pages.some((lines) => lines.some((line) => cleanLine(line)))) {
      throw new AppError(
        'NO_TEXT_LAYER',
        `"${fileName}" has no text layer (it looks scanned): Evident cannot read it without OCR.`,
      )
    }
    const lines: TextLine[] = []
    stripPageFurniture(pages, labels).forEach((pageLines, index) => {
      const page = labels[index] || String(index + 1)
      const filled = pageLines.map((line) => !!cleanLine(line))
      const trimmed = pageLines.slice(filled.indexOf(true), filled.lastIndexOf(true) + 1)
      let first = true
      for (const text of trimmed) {
        lines.push(first ? { text, page, pageStart: true } : { text, page })
        first = false
      }
    })
    const { info } = await document.getMetadata().catch(() => ({ info: undefined }))
    const blocks = linesToBlocks(lines, { wrapped: true })
    return { format: 'pdf', mime: 'application/pdf', blocks, metadata: metadataFromPdfInfo(info as Record<string, unknown>) }
  } finally {
    await task.destroy()
  }
}
