import { useCallback, useEffect, useRef, useState } from 'react'
import type { TextContent } from 'pdfjs-dist/types/src/display/api'
import { useApi } from '../../../api/context'
import { ocrTextContent } from './ocr-text-content'

/** A page's OCR words as text content, or null for a page that has its own text (pdf.js reads that one). */
export type OcrTextOf = (page: number) => Promise<TextContent | null>

export interface OcrText {
  /** Null for a source with no OCR pages: every page's text is pdf.js's. */
  textOf: OcrTextOf | null
  /** False once a page says the source was read by OCR before Evident kept where its words sit. */
  kept: boolean
}

/**
 * The text layer of a scanned page: the words OCR read, where they sit on the scan, asked of the core a page at
 * a time (`sources.ocrWords`) as the page is drawn or searched, and kept for the view's life.
 */
export function useOcrText(sourceId: string, fromOcr: boolean): OcrText {
  const api = useApi()
  const pages = useRef(new Map<number, Promise<TextContent | null>>())
  const [kept, setKept] = useState(true)
  useEffect(() => {
    pages.current.clear()
    setKept(true)
  }, [sourceId])
  const textOf = useCallback(
    (page: number) => {
      let known = pages.current.get(page)
      if (!known) {
        known = api.invoke('sources.ocrWords', { id: sourceId, page }).then(
          (words) => {
            if (!words.kept) setKept(false)
            return words.lines.length ? ocrTextContent(words.lines) : null
          },
          // A page whose words cannot be read is shown as the scan alone, as before they were kept.
          () => null,
        )
        pages.current.set(page, known)
      }
      return known
    },
    [api, sourceId],
  )
  return { textOf: fromOcr ? textOf : null, kept }
}
