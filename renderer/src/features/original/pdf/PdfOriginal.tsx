import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OriginalTarget, PageSelection } from '../original-props'
import { pageLabel, type OriginalMark } from './marks'
import type { PageText } from './page-text'
import { PdfPageView, type PlacedMark } from './PdfPageView'
import { PdfToolbar } from './PdfToolbar'
import { usePdfDocument } from './usePdfDocument'
import { usePdfFind } from './usePdfFind'
import { useOcrText } from './useOcrText'
import '../original.css'
import { usePageSelection } from './usePageSelection'
import { useFindPlaces, type FoundPlace } from './find-places'
import { toUserSpace } from './user-space'

export interface PdfOriginalProps {
  sourceId: string
  /** Some of its pages were read by OCR: their text layer is the words OCR read, over the scan. */
  fromOcr: boolean
  marks: OriginalMark[]
  target: OriginalTarget | null
  onClaimSelection: (selection: PageSelection) => void
  onOpenClaim: (claimId: string) => void
  /** Claims without a place, looked for on their pages (marks with `lookForPlace`): what was found. */
  onPlacesFound: (found: FoundPlace[]) => void
  /** A line under the toolbar (claims whose words were not found on their pages). */
  notice?: string
}

const GAP = 12
const FIT_MARGIN = 24

/** The PDF as printed: only the pages in view are mounted and drawn, so a 1,500-page report opens at once. */
export function PdfOriginal({ sourceId, fromOcr, marks, target, onClaimSelection, onOpenClaim, onPlacesFound, notice }: PdfOriginalProps) {
  const { pdf, labels, pageSize, error } = usePdfDocument(sourceId)
  const scroller = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState<number | null>(null)
  const [current, setCurrent] = useState(1)
  const texts = useRef(new Map<number, PageText>())
  const ocr = useOcrText(sourceId, fromOcr)
  const find = usePdfFind(pdf, ocr.textOf)
  const pending = useRef<{ key: string; page: number } | null>(null)

  const fitWidth = useCallback(() => {
    const width = scroller.current?.clientWidth ?? 0
    return pageSize && width ? Math.max(0.25, (width - FIT_MARGIN) / pageSize.width) : 1
  }, [pageSize])
  useEffect(() => {
    if (pageSize) setZoom(fitWidth())
  }, [pageSize, fitWidth])
  const scale = zoom ?? 1
  const pageHeight = (pageSize?.height ?? 792) * scale

  const virtualizer = useVirtualizer({
    count: pdf?.numPages ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => pageHeight + GAP,
    overscan: 1,
  })
  useEffect(() => virtualizer.measure(), [virtualizer, pageHeight])

  const goTo = useCallback((n: number) => virtualizer.scrollToIndex(n - 1, { align: 'start' }), [virtualizer])

  const onScroll = useCallback(() => {
    const el = scroller.current
    if (!el) return
    // The page a third of the way down the view is the one being read.
    const item = virtualizer.getVirtualItemForOffset(el.scrollTop + el.clientHeight / 3)
    if (item) setCurrent(item.index + 1)
  }, [virtualizer])

  const allMarks = useMemo(() => {
    const list = [...marks]
    if (find.match) {
      const m = find.match
      list.push({ key: 'find', kind: 'find', anchor: { exact: m.query, prefix: '', suffix: '' }, pageNumber: m.page, compactAt: m.at, label: 'Find match' })
    }
    if (target) list.push({ key: `target-${target.seq}`, kind: 'target', anchor: target.anchor, page: target.page, pdf: target.pdf, label: 'The quote you opened' })
    return list
  }, [marks, find.match, target])

  // Opening at a quote: to its page (kept in its anchor, else from the clean text's page label, else by
  // finding its words), then, once the page has placed it, to the quote itself.
  useEffect(() => {
    if (!pdf || !target) return
    let stale = false
    const key = `target-${target.seq}`
    void (async () => {
      const byLabel = target.page !== undefined ? Array.from({ length: pdf.numPages }, (_, i) => pageLabel(labels, i + 1)).indexOf(target.page) + 1 : 0
      const page = target.pdf?.page ?? (byLabel || (await find.pageOf(target.anchor.exact)) || 1)
      if (stale) return
      pending.current = { key, page }
      goTo(page)
    })()
    return () => {
      stale = true
    }
  }, [pdf, labels, target, goTo, find])

  const onPlaced = useCallback(
    (n: number, placed: PlacedMark[]) => {
      const want = pending.current
      const el = scroller.current
      if (!want || want.page > n + 1 || !el) return
      const hit = placed.find((p) => p.mark.key === want.key)
      const rect = hit?.rects[0]
      if (!hit || !rect) return
      pending.current = null
      const item = virtualizer.getVirtualItems().find((v) => v.index === n - 1)
      if (item) el.scrollTo({ top: item.start + rect.y * (item.size - GAP) - el.clientHeight / 3 })
    },
    [virtualizer],
  )
  const onText = useCallback((n: number, text: PageText | null) => {
    if (text) texts.current.set(n, text)
    else texts.current.delete(n)
  }, [])

  // A claim made on the page keeps the page and its rectangles in user space (so zoom does not matter).
  const claimSelection = useCallback(
    (selection: PageSelection) => {
      if (!pdf) return onClaimSelection(selection)
      void pdf
        .getPage(selection.pageNumber)
        .then((page) => toUserSpace(page.getViewport({ scale: 1 }), selection.rects))
        .catch(() => null)
        .then((rects) => onClaimSelection(rects ? { ...selection, pdf: { page: selection.pageNumber, rects } } : selection))
    },
    [pdf, onClaimSelection],
  )
  const selection = usePageSelection(scroller, texts, labels, claimSelection, onOpenClaim, !!(pdf && pageSize))
  useFindPlaces(pdf, labels, marks, ocr.textOf, onPlacesFound)

  if (error) return <p className="empty-state" role="alert">{error}</p>
  if (!pdf || !pageSize) return <p className="empty-state" role="status">Opening the original…</p>
  const width = pageSize.width * scale
  return (
    <div className="pdf-original">
      <PdfToolbar
        pageCount={pdf.numPages}
        current={current}
        zoom={scale}
        findStatus={find.status}
        onGoTo={goTo}
        onZoom={(z) => setZoom(z === 'fit' ? fitWidth() : z)}
        onFind={(q) => void find.next(q, current).then((m) => m && goTo(m.page))}
      />
      {notice && (
        <p className="pdf-notice" role="note">
          {notice}
        </p>
      )}
      {!ocr.kept && (
        <p className="pdf-notice" role="note">
          This source was read by OCR before Evident kept where each word sits on the scan: its claims are not marked on the scanned
          pages and their words cannot be selected or found here. Import the file again as a new version (Source › New version…) to
          lay its words over the scans.
        </p>
      )}
      <div className="pdf-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label={`Original pages, ${pdf.numPages} in all`}>
        <div className="pdf-pages" style={{ height: virtualizer.getTotalSize(), width: width + FIT_MARGIN / 2 }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div key={item.key} className="pdf-page-slot" data-index={item.index} ref={virtualizer.measureElement} style={{ top: item.start, paddingBottom: GAP }}>
              <PdfPageView pdf={pdf} labels={labels} number={item.index + 1} scale={scale} box={{ width, height: pageHeight }} marks={allMarks} ocrText={ocr.textOf} onText={onText} onPlaced={onPlaced} />
            </div>
          ))}
        </div>
      </div>
      {selection.popover}
    </div>
  )
}
