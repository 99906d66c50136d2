import { useEffect, useRef, type RefObject } from 'react'
import { emitWindowEvent, useWindowEvent } from '../../../ui/window-events'
import { READING_PLACE_EVENT } from '../events'
import { nodeIndexAt } from './frame-text'
import { stepFor, type Step } from './step-map'
import type { FramePlace } from './useFrameMarks'
import { listen, removeAll } from '../../../ui/listen'

/** After the view is moved to follow the other, its own scroll events are not sent back for this long. */
const QUIET_MS = 500
/** A paragraph counts as the one being read once its first words are this near the top. */
const TOP_PX = 40

function stepTop(place: FramePlace, step: Step): number {
  const i = nodeIndexAt(place.text, step.at)
  const node = place.text.nodes[i]!
  const range = node.ownerDocument.createRange()
  range.setStart(node, Math.min(node.data.length, step.at - place.text.starts[i]!))
  const rect = range.getBoundingClientRect()
  return rect.height || rect.width ? rect.top : (node.parentElement?.getBoundingClientRect().top ?? 0)
}

/** The last mapped paragraph whose first words are at or above the top of the frame. */
function topParagraph(place: FramePlace): number | null {
  const { steps } = place
  let lo = 0
  let hi = steps.length - 1
  if (hi < 0) return null
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (stepTop(place, steps[mid]!) <= TOP_PX) lo = mid
    else hi = mid - 1
  }
  return steps[lo]!.paragraph
}

function showMark(win: Window, mark: HTMLElement): void {
  const rect = mark.getBoundingClientRect()
  win.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3 })
  mark.classList.add('ev-here')
  win.setTimeout(() => mark.classList.remove('ev-here'), 1500)
}

/**
 * The page and the clean text follow each other: scrolling the page sends the paragraph at its top, a click
 * on a claim sends that claim's place; the clean text's moves bring the page to the same paragraph or claim.
 */
export function useFrameStep(doc: Document | null, sourceId: string, place: RefObject<FramePlace | null>, onOpenClaim: (id: string) => void): void {
  const quietUntil = useRef(0)
  useEffect(() => {
    const win = doc?.defaultView
    if (!doc || !win) return
    let frame = 0
    const onScroll = () => {
      if (frame || Date.now() < quietUntil.current) return
      frame = win.requestAnimationFrame(() => {
        frame = 0
        const paragraph = place.current && topParagraph(place.current)
        if (paragraph) emitWindowEvent(READING_PLACE_EVENT, { sourceId, from: 'original', paragraph })
      })
    }
    const openAt = (target: EventTarget | null) => {
      const mark = (target as Element | null)?.closest?.<HTMLElement>('mark.ev-mark')
      if (!mark?.dataset.claim) return false
      emitWindowEvent(READING_PLACE_EVENT, { sourceId, from: 'original', paragraph: Number(mark.dataset.paragraph), offset: Number(mark.dataset.start) })
      onOpenClaim(mark.dataset.claim)
      return true
    }
    const onClick = (e: MouseEvent) => {
      if (doc.getSelection()?.isCollapsed !== false) openAt(e.target)
    }
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'Enter' || e.key === ' ') && openAt(e.target)) e.preventDefault()
    }
    const removals = [listen(win, 'scroll', onScroll, { passive: true }), listen(doc, 'click', onClick), listen(doc, 'keydown', onKey)]
    return () => {
      removeAll(removals)
      win.cancelAnimationFrame(frame)
    }
  }, [doc, sourceId, place, onOpenClaim])

  useWindowEvent(READING_PLACE_EVENT, (detail) => {
    const win = doc?.defaultView
    if (detail.from !== 'clean' || detail.sourceId !== sourceId || !doc || !win || !place.current) return
    if (detail.offset !== undefined) {
      // The shortest claim holding the clicked offset, as the clean text itself chooses.
      const offset = detail.offset
      const hit = Array.from(doc.querySelectorAll<HTMLElement>('mark.ev-mark'))
        .filter((m) => Number(m.dataset.start) <= offset && offset < Number(m.dataset.end))
        .sort((a, b) => Number(a.dataset.end) - Number(a.dataset.start) - (Number(b.dataset.end) - Number(b.dataset.start)))[0]
      if (!hit) return
      quietUntil.current = Date.now() + QUIET_MS
      return showMark(win, hit)
    }
    const step = stepFor(place.current.steps, detail.paragraph)
    if (!step) return
    quietUntil.current = Date.now() + QUIET_MS
    win.scrollTo({ top: win.scrollY + stepTop(place.current, step) - 8 })
  })
}
