import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { PageSelection } from '../original-props'
import { pageLabel } from './marks'
import { rectsOn, selectedSpan, type PageText } from './page-text'
import { listen, removeAll } from '../../../ui/listen'

const isClaimShortcut = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey
/** Page words kept before a selection to tell repeats apart. */
const BEFORE = 80

/** The selection on one page's text layer, as the claim layer needs it; null when there is none. */
function readSelection(root: HTMLElement, texts: Map<number, PageText>, labels: string[] | null): PageSelection | null {
  const sel = root.ownerDocument.getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null
  const range = sel.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement
  const pageEl = startEl?.closest<HTMLElement>('.pdf-page')
  const n = Number(pageEl?.getAttribute('data-page-number'))
  const text = texts.get(n)
  // The page's words in reading order: on a right-to-left line the layer holds them last word first.
  const span = pageEl && text ? selectedSpan(text, range) : null
  const selected = span ? text!.text.slice(span.start, span.end) : ''
  if (!pageEl || !span || selected.trim() === '') return null
  return {
    pageNumber: n,
    pageLabel: pageLabel(labels, n),
    selected,
    before: text!.text.slice(Math.max(0, span.start - BEFORE), span.start),
    rects: rectsOn(pageEl, range),
  }
}

/**
 * Selecting words on a page offers "New claim" (or Ctrl+Enter), as selecting in the clean text does; a click
 * on a marked quote opens its claim.
 */
export function usePageSelection(
  rootRef: RefObject<HTMLElement | null>,
  texts: RefObject<Map<number, PageText>>,
  labels: string[] | null,
  onClaimSelection: (selection: PageSelection) => void,
  onOpenClaim: (claimId: string) => void,
  /** The root is mounted only once the PDF is open: listen from then on. */
  ready: boolean,
): { popover: ReactNode } {
  const [anchor, setAnchor] = useState<{ x: number; y: number } | null>(null)
  const latest = useRef({ onClaimSelection, onOpenClaim, labels })
  latest.current = { onClaimSelection, onOpenClaim, labels }

  const claim = () => {
    const root = rootRef.current
    const selection = root && readSelection(root, texts.current, latest.current.labels)
    if (!selection) return
    setAnchor(null)
    latest.current.onClaimSelection(selection)
  }
  const claimRef = useRef(claim)
  claimRef.current = claim

  useEffect(() => {
    const root = rootRef.current
    if (!root) return
    const el: HTMLElement = root
    function onSelectionChange() {
      const sel = document.getSelection()
      if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !el.contains(sel.getRangeAt(0).commonAncestorContainer)) return setAnchor(null)
      const rects = sel.getRangeAt(0).getClientRects()
      const last = rects[rects.length - 1]
      if (last) setAnchor({ x: last.right, y: last.bottom })
    }
    function onKeyDown(e: KeyboardEvent) {
      const sel = document.getSelection()
      if (!isClaimShortcut(e) || !sel?.anchorNode || !el.contains(sel.anchorNode)) return
      e.preventDefault()
      claimRef.current()
    }
    function onClick(e: MouseEvent) {
      if (e.button !== 0 || !document.getSelection()?.isCollapsed) return
      // The marks lie under the text layer and take no pointer events (so words stay selectable over them).
      const page = e.target instanceof Element ? e.target.closest('.pdf-page') : null
      const inside = (r: DOMRect) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom
      const mark = Array.from(page?.querySelectorAll<HTMLElement>('.pdf-mark[data-claim-id]') ?? []).find((m) => inside(m.getBoundingClientRect()))
      if (mark?.dataset.claimId) latest.current.onOpenClaim(mark.dataset.claimId)
    }
    const removals = [listen(document, 'selectionchange', onSelectionChange), listen(document, 'keydown', onKeyDown), listen(el, 'click', onClick)]
    return () => removeAll(removals)
  }, [rootRef, ready])

  const popover = anchor
    ? createPortal(
        <div className="selection-popover" style={{ left: Math.min(anchor.x, window.innerWidth - 180), top: anchor.y + 6 }}>
          <button type="button" className="primary" aria-keyshortcuts="Control+Enter" title="New claim (Ctrl+Enter)" onMouseDown={(e) => e.preventDefault()} onClick={claim}>
            New claim
          </button>
        </div>,
        document.body,
      )
    : null
  return { popover }
}
