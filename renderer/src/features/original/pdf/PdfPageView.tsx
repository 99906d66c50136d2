import { memo, useEffect, useRef, useState } from 'react'
import { TextLayer, type PageViewport, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist'
import { compact, inputSpan } from '../compact'
import { locateQuote } from '../locate'
import { mayBeOn, type OriginalMark } from './marks'
import { rangesOf, readTextLayer, rectsOn, type PageRect, type PageText } from './page-text'
import { fromUserSpace } from './user-space'
import type { OcrTextOf } from './useOcrText'

export interface PlacedMark {
  mark: OriginalMark
  rects: PageRect[]
}

export interface PdfPageViewProps {
  pdf: PDFDocumentProxy
  labels: string[] | null
  number: number
  scale: number
  /** The box to hold until the page's own size is known (the first page's size at this zoom). */
  box: { width: number; height: number }
  marks: OriginalMark[]
  /** A scanned page's OCR words as its text (null: pdf.js's own text for every page). */
  ocrText: OcrTextOf | null
  /** The page's text layer, once drawn, so a selection on it can be mapped to the clean text. */
  onText: (n: number, text: PageText | null) => void
  /** Where this page's marks were placed, so the view can scroll to the one it was asked for. */
  onPlaced: (n: number, placed: PlacedMark[]) => void
}

/** A mark whose place is kept is drawn from its rectangles; the others are found by their words on the page. */
export function placeMarks(pageEl: HTMLElement, text: PageText, marks: OriginalMark[], n: number, labels: string[] | null, viewport: PageViewport): PlacedMark[] {
  const c = compact(text.text)
  const placed: PlacedMark[] = []
  for (const mark of marks) {
    if (!mayBeOn(mark, n, labels)) continue
    if (mark.pdf) {
      placed.push({ mark, rects: fromUserSpace(viewport, mark.pdf.rects) })
      continue
    }
    const length = compact(mark.anchor.exact).text.length
    const span =
      mark.compactAt !== undefined
        ? mark.compactAt + length <= c.text.length && length > 0
          ? inputSpan(c, mark.compactAt, mark.compactAt + length, text.text)
          : null
        : locateQuote(c, text.text, mark.anchor)
    const ranges = span ? rangesOf(text, span) : []
    if (ranges.length) placed.push({ mark, rects: ranges.flatMap((range) => rectsOn(pageEl, range)) })
  }
  return placed
}

const pct = (f: number) => `${(f * 100).toFixed(3)}%`

/**
 * One page: canvas, text layer (selectable, found by find), and the marks under it. Drawn when mounted
 * (the list mounts only the pages in view), cancelled when scrolled away; a page that fails shows why.
 */
export const PdfPageView = memo(function PdfPageView({ pdf, labels, number, scale, box, marks, ocrText, onText, onPlaced }: PdfPageViewProps) {
  const pageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const layerRef = useRef<HTMLDivElement>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [text, setText] = useState<PageText | null>(null)
  const [placed, setPlaced] = useState<PlacedMark[]>([])
  const [viewport, setViewport] = useState<PageViewport | null>(null)

  useEffect(() => {
    let page: PDFPageProxy | null = null
    let cancelled = false
    const tasks: { cancel(): void }[] = []
    setFailure(null)
    setText(null)
    void (async () => {
      try {
        page = await pdf.getPage(number)
        // A scan's words are laid over it as pdf.js lays out a page's own text, so marks, find and selection read both
        // alike; asked for before drawing starts, so a page scrolled away meanwhile leaves no drawing unawaited.
        const ocr = await ocrText?.(number)
        if (cancelled) return
        const viewport = page.getViewport({ scale })
        setViewport(viewport)
        const canvas = canvasRef.current!
        const layer = layerRef.current!
        const ratio = window.devicePixelRatio || 1
        canvas.width = Math.floor(viewport.width * ratio)
        canvas.height = Math.floor(viewport.height * ratio)
        const render = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
        tasks.push(render)
        layer.replaceChildren()
        const textLayer = new TextLayer({ textContentSource: ocr ?? page.streamTextContent(), container: layer, viewport })
        tasks.push(textLayer)
        await Promise.all([render.promise, textLayer.render()])
        if (cancelled) return
        pageRef.current?.setAttribute('data-painted', '')
        setText(readTextLayer(layer))
      } catch (e) {
        if (cancelled || (e instanceof Error && e.name === 'RenderingCancelledException')) return
        setFailure(e instanceof Error && e.message ? e.message : 'pdf.js could not draw it.')
      }
    })()
    return () => {
      cancelled = true
      for (const t of tasks) t.cancel()
      page?.cleanup()
    }
  }, [pdf, number, scale, ocrText])

  useEffect(() => {
    onText(number, text)
    return () => onText(number, null)
  }, [number, text, onText])

  useEffect(() => {
    const pageEl = pageRef.current
    if (!pageEl || !text || !viewport) return setPlaced([])
    const list = placeMarks(pageEl, text, marks, number, labels, viewport)
    setPlaced(list)
    onPlaced(number, list)
  }, [text, marks, number, labels, viewport, onPlaced])

  return (
    <div
      className="pdf-page"
      ref={pageRef}
      data-page-number={number}
      role="region"
      aria-label={`Page ${number}`}
      // pdf.js sizes the text layer from this variable; the marks are fractions of the box, so zoom moves them with it.
      style={{ width: viewport?.width ?? box.width, height: viewport?.height ?? box.height, ['--total-scale-factor' as string]: scale }}
    >
      <canvas ref={canvasRef} className="pdf-canvas" aria-hidden="true" />
      <div className="pdf-marks" aria-hidden="true">
        {placed.flatMap(({ mark, rects }) =>
          rects.map((r, i) => (
            <div
              key={`${mark.key}-${i}`}
              className={`pdf-mark pdf-mark-${mark.kind}`}
              data-claim-id={mark.claimId}
              data-from-anchor={mark.pdf ? '' : undefined}
              title={mark.label}
              style={{ left: pct(r.x), top: pct(r.y), width: pct(r.w), height: pct(r.h) }}
            />
          )),
        )}
      </div>
      <div ref={layerRef} className="textLayer" />
      {failure && (
        <div className="pdf-page-failed" role="note">
          Page {number} could not be shown: {failure}
        </div>
      )}
    </div>
  )
})
