import { useEffect, useRef, type RefObject } from 'react'
import { READING_PLACE_EVENT } from '../original/events'
import { OUTSIDE_TEXT, offsetAtPoint } from '../../ui/source-offsets'
import { emitWindowEvent, useWindowEvent } from '../../ui/window-events'

/** After following the Original view, the clean text's own scroll events are not sent back for this long. */
const QUIET_MS = 500
const TOP_PX = 40

/** The last paragraph whose top is at or above the top of the reader (paragraphs are in document order). */
function topParagraph(scroller: HTMLElement): number | null {
  const paragraphs = scroller.querySelectorAll<HTMLElement>('[data-paragraph]')
  const top = scroller.getBoundingClientRect().top + TOP_PX
  let lo = 0
  let hi = paragraphs.length - 1
  if (hi < 0) return null
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (paragraphs[mid]!.getBoundingClientRect().top <= top) lo = mid
    else hi = mid - 1
  }
  return Number(paragraphs[lo]!.dataset.paragraph)
}

/**
 * The clean text's side of keeping it in step with the Original view beside it: it sends the paragraph at its
 * top as it scrolls and the offset of a click (a claim there is shown in the original), and follows the
 * original's scrolling and clicks on its claims.
 */
export function useStepWithOriginal(scroller: RefObject<HTMLElement | null>, sourceId: string | null, on: boolean): void {
  const quietUntil = useRef(0)
  useEffect(() => {
    const el = scroller.current
    if (!el || !on || !sourceId) return
    const reader: HTMLElement = el
    let frame = 0
    const onScroll = () => {
      if (frame || Date.now() < quietUntil.current) return
      frame = requestAnimationFrame(() => {
        frame = 0
        const paragraph = topParagraph(reader)
        if (paragraph !== null) emitWindowEvent(READING_PLACE_EVENT, { sourceId, from: 'clean', paragraph })
      })
    }
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element
      const para = target.closest?.<HTMLElement>('[data-paragraph]')
      if (e.button !== 0 || !para || target.closest(OUTSIDE_TEXT) || !document.getSelection()?.isCollapsed) return
      const offset = offsetAtPoint(reader, e.clientX, e.clientY)
      if (offset !== null) emitWindowEvent(READING_PLACE_EVENT, { sourceId, from: 'clean', paragraph: Number(para.dataset.paragraph), offset })
    }
    reader.addEventListener('scroll', onScroll, { passive: true })
    reader.addEventListener('click', onClick)
    return () => {
      reader.removeEventListener('scroll', onScroll)
      reader.removeEventListener('click', onClick)
      cancelAnimationFrame(frame)
    }
  }, [scroller, sourceId, on])

  useWindowEvent(READING_PLACE_EVENT, (detail) => {
    const el = scroller.current
    if (!on || !el || detail.from !== 'original' || detail.sourceId !== sourceId) return
    const para = document.getElementById(`p-${detail.paragraph}`)
    if (!para) return
    quietUntil.current = Date.now() + QUIET_MS
    const shift = para.getBoundingClientRect().top - el.getBoundingClientRect().top - 8
    // A clicked claim is brought to a third of the way down, a followed scroll to the top.
    el.scrollTop += detail.offset !== undefined ? shift - el.clientHeight / 3 : shift
  })
}
