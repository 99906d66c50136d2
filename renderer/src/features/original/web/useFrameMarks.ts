import { useEffect, useRef, useState, type RefObject } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { locateQuote } from '../locate'
import type { OriginalMark } from '../pdf/marks'
import { indexFrameText, wrapSpans, type FrameMark, type FrameText } from './frame-text'
import { stepMap, type Step } from './step-map'

/** A claim's mark, with where its quote lies in the clean text (for following a click from either view). */
export interface WebMark extends OriginalMark {
  start: number
  end: number
  paragraph: number
  /** The quote "Open in source" asked for: outlined, and scrolled to. */
  target?: boolean
}

/** The page's text and where each clean paragraph lies on it, after the marks are in. */
export interface FramePlace {
  text: FrameText
  steps: Step[]
}

function markElement(doc: Document, mark: WebMark): HTMLElement {
  const el = doc.createElement('mark')
  el.className = `ev-mark ev-${mark.kind}${mark.target ? ' ev-target' : ''}`
  if (mark.claimId) el.dataset.claim = mark.claimId
  el.dataset.start = String(mark.start)
  el.dataset.end = String(mark.end)
  el.dataset.paragraph = String(mark.paragraph)
  el.tabIndex = 0
  el.title = mark.label
  return el
}

/** Undoes the last marking, so the page's text is as it came before marking again. */
function unmark(body: HTMLElement): void {
  for (const el of Array.from(body.querySelectorAll('mark.ev-mark'))) el.replaceWith(...Array.from(el.childNodes))
  body.normalize()
}

/** Marks every claim found on the page (by its quote and context, as on a PDF page) and maps the paragraphs. */
export function useFrameMarks(doc: Document | null, marks: WebMark[], detail: SourceDetail): { place: RefObject<FramePlace | null>; found: number } {
  const place = useRef<FramePlace | null>(null)
  const [found, setFound] = useState(0)
  useEffect(() => {
    if (!doc?.body) return
    unmark(doc.body)
    const before = indexFrameText(doc.body)
    const spans: FrameMark[] = []
    for (const mark of marks) {
      const span = locateQuote(before.compact, before.full, mark.anchor)
      if (span) spans.push({ ...span, make: (d) => markElement(d, mark) })
    }
    wrapSpans(before, spans)
    const text = indexFrameText(doc.body)
    place.current = { text, steps: stepMap(detail, text) }
    setFound(new Set(Array.from(doc.body.querySelectorAll<HTMLElement>('mark.ev-mark[data-claim]'), (m) => m.dataset.claim)).size)
  }, [doc, marks, detail])
  return { place, found }
}
