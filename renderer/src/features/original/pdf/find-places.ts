import { useEffect, useRef } from 'react'
import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist'
import type { PdfPlace } from '@shared/dto/claims'
import { compact } from '../compact'
import { locateQuote } from '../locate'
import { pageLabel, type OriginalMark } from './marks'
import { rangesOf, readTextLayer, rectsOn } from './page-text'
import { toUserSpace } from './user-space'
import type { OcrTextOf } from './useOcrText'

/** What looking a claim up on its page gave: its place, or null when its words are not there. */
export interface FoundPlace {
  claimId: string
  place: PdfPlace | null
}

/** Claims looked for on one opening of a PDF, at most: the rest wait for the next opening. */
export const MAX_LOOKED_FOR = 200
/** The first page is drawn before any looking up starts. */
const START_AFTER_MS = 1000

/** The pages a claim may start on: the one its paragraph starts on, and the next (a paragraph runs on). */
function candidatePages(mark: OriginalMark, labels: string[] | null, count: number): number[] {
  if (mark.page === undefined) return []
  const pages: number[] = []
  for (let n = 1; n <= count; n++) if (pageLabel(labels, n) === mark.page) pages.push(n, n + 1)
  return [...new Set(pages)].filter((n) => n <= count)
}

/**
 * One page's words as the view shows them (the same text layer, off screen and hidden), each mark looked up
 * on it, and the rectangles of those found, in user space.
 */
async function lookUpOnPage(pdf: PDFDocumentProxy, n: number, marks: OriginalMark[], ocrText: OcrTextOf | null): Promise<Map<string, PdfPlace>> {
  const page = await pdf.getPage(n)
  const viewport = page.getViewport({ scale: 1 })
  const pageEl = document.createElement('div')
  pageEl.className = 'pdf-page'
  pageEl.setAttribute('aria-hidden', 'true')
  pageEl.style.cssText = `position:fixed;left:-100000px;top:0;visibility:hidden;width:${viewport.width}px;height:${viewport.height}px;--total-scale-factor:1`
  const layer = document.createElement('div')
  layer.className = 'textLayer'
  pageEl.append(layer)
  document.body.append(pageEl)
  const found = new Map<string, PdfPlace>()
  try {
    // A scanned page's words are the OCR's, as the view lays them over the scan.
    const ocr = await ocrText?.(n)
    await new TextLayer({ textContentSource: ocr ?? page.streamTextContent(), container: layer, viewport }).render()
    const text = readTextLayer(layer)
    const c = compact(text.text)
    for (const mark of marks) {
      const span = locateQuote(c, text.text, mark.anchor)
      const rects = span ? toUserSpace(viewport, rangesOf(text, span).flatMap((range) => rectsOn(pageEl, range))) : null
      if (rects && mark.claimId) found.set(mark.claimId, { page: n, rects })
    }
  } finally {
    pageEl.remove()
    page.cleanup()
  }
  return found
}

/**
 * Claims made before places were kept (or in the clean text) are looked for on their pages once the PDF is
 * open, in the background and a page at a time: each found one gets its place, each not found on the pages
 * its paragraph starts on is reported as such (it keeps its paragraph anchor). Each claim once per opening.
 */
export function useFindPlaces(pdf: PDFDocumentProxy | null, labels: string[] | null, marks: OriginalMark[], ocrText: OcrTextOf | null, onFound: (found: FoundPlace[]) => void): void {
  const tried = useRef(new Set<string>())
  const latest = useRef(onFound)
  latest.current = onFound
  useEffect(() => {
    tried.current = new Set()
  }, [pdf])
  useEffect(() => {
    if (!pdf) return
    const wanted = marks.filter((m) => m.lookForPlace && m.claimId && !tried.current.has(m.claimId)).slice(0, Math.max(0, MAX_LOOKED_FOR - tried.current.size))
    if (!wanted.length) return
    let cancelled = false
    const timer = window.setTimeout(() => {
      void (async () => {
        const byPage = new Map<number, OriginalMark[]>()
        const results = new Map<string, PdfPlace | null>()
        for (const mark of wanted) {
          const pages = candidatePages(mark, labels, pdf.numPages)
          if (!pages.length) continue
          results.set(mark.claimId!, null)
          for (const n of pages) byPage.set(n, [...(byPage.get(n) ?? []), mark])
        }
        for (const n of [...byPage.keys()].sort((a, b) => a - b)) {
          if (cancelled) return
          const open = byPage.get(n)!.filter((m) => !results.get(m.claimId!))
          if (!open.length) continue
          const found = await lookUpOnPage(pdf, n, open, ocrText).catch(() => new Map<string, PdfPlace>())
          for (const [id, place] of found) results.set(id, place)
        }
        if (cancelled) return
        for (const id of results.keys()) tried.current.add(id)
        if (results.size) latest.current([...results].map(([claimId, place]) => ({ claimId, place })))
      })()
    }, START_AFTER_MS)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [pdf, labels, marks, ocrText])
}
