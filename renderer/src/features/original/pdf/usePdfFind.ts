import { useCallback, useRef, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { readingOrder } from './reading-order'
import { compact, type Compact } from '../compact'
import type { OcrTextOf } from './useOcrText'

/** Baselines (in points) this close are one line of the page. */
const SAME_BASELINE = 2

export interface PdfMatch {
  page: number
  /** Where the match starts in the page's compact text, so the next search goes on from there. */
  at: number
  query: string
}

export interface PdfFind {
  match: PdfMatch | null
  /** "No matches", "Searching…", or null. */
  status: string | null
  /** The next match after the current one (or after `fromPage`), wrapping round the document once. */
  next: (query: string, fromPage: number) => Promise<PdfMatch | null>
  clear: () => void
  /** The first page holding the start of these words (a quote's page when the clean text does not say it). */
  pageOf: (words: string) => Promise<number | null>
}

/**
 * Find in the original: each page's text is read from pdf.js when first searched and kept in compact form,
 * so a second search over a long report reads nothing again.
 */
export function usePdfFind(pdf: PDFDocumentProxy | null, ocrText: OcrTextOf | null): PdfFind {
  const texts = useRef(new Map<number, Compact>())
  const [match, setMatch] = useState<PdfMatch | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const current = useRef<PdfMatch | null>(null)
  const owner = useRef<PDFDocumentProxy | null>(null)

  const pageText = useCallback(async (n: number): Promise<Compact> => {
    const known = texts.current.get(n)
    if (known) return known
    const content = (await ocrText?.(n)) ?? (await (await pdf!.getPage(n)).getTextContent())
    // In the order the text layer reads them (right-to-left lines from the right), so a match found here is
    // at the same place in the layer's text.
    const pieces = content.items.flatMap((item) =>
      'str' in item ? [{ top: -item.transform[5], left: item.transform[4], rtl: item.dir === 'rtl', text: item.str }] : [],
    )
    const text = compact(readingOrder(pieces, SAME_BASELINE).map((piece) => piece.text).join(''))
    texts.current.set(n, text)
    return text
  }, [pdf, ocrText])

  const next = useCallback(
    async (query: string, fromPage: number) => {
      if (!pdf) return null
      if (owner.current !== pdf) {
        owner.current = pdf
        texts.current.clear()
      }
      const needle = compact(query).text
      if (!needle) {
        setStatus(null)
        setMatch((current.current = null))
        return null
      }
      const last = current.current?.query === query ? current.current : null
      const start = last ? last.page : fromPage
      setStatus('Searching…')
      for (let step = 0; step <= pdf.numPages; step++) {
        const n = ((start - 1 + step) % pdf.numPages) + 1
        const from = last && step === 0 ? last.at + 1 : 0
        const at = (await pageText(n)).text.indexOf(needle, from)
        if (at >= 0) {
          const found = { page: n, at, query }
          setStatus(null)
          setMatch((current.current = found))
          return found
        }
      }
      setStatus('No matches')
      setMatch((current.current = null))
      return null
    },
    [pdf, pageText],
  )

  const clear = useCallback(() => {
    setStatus(null)
    setMatch((current.current = null))
  }, [])

  const pageOf = useCallback(
    async (words: string) => {
      const head = compact(words).text.slice(0, 40)
      if (!pdf || !head) return null
      for (let n = 1; n <= pdf.numPages; n++) if ((await pageText(n)).text.includes(head)) return n
      return null
    },
    [pdf, pageText],
  )

  return { match, status, next, clear, pageOf }
}
