import { useEffect, type RefObject } from 'react'
import type { Claim } from '@shared/dto/claims'
import { buildTextIndex, isOutsideText, spanToRange } from '../../ui/source-offsets'
import { useSourceClaims } from './useSourceClaims'

export const CLAIM_HIGHLIGHT = 'evident-claim'

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

/**
 * The open source's claims, painted with the CSS Custom Highlight API: no wrapper elements, so the reader's
 * DOM (and its offsets) stay untouched. The reader re-renders runs of text (find marks do that), which
 * detaches the ranges' nodes, so the highlight is rebuilt whenever the reader's text changes. Changes in the
 * Original view beside it (pages and text layers drawn as it scrolls) are not the clean text's, and indexing a
 * long source's text on each of them took half a second a frame.
 */
export function useClaimHighlights(containerRef: RefObject<HTMLElement | null>, sourceId: string | null): Claim[] {
  const claims = useSourceClaims(sourceId)

  useEffect(() => {
    const container = containerRef.current
    if (!container || !highlightsSupported()) return
    let frame = 0
    const anchored = claims.filter((c) => c.status === 'anchored')
    const paint = () => {
      frame = 0
      if (anchored.length === 0) return void CSS.highlights.delete(CLAIM_HIGHLIGHT)
      const index = buildTextIndex(container)
      const ranges = anchored
        .map((c) => spanToRange(index, c.anchor))
        .filter((r): r is Range => r !== null)
      CSS.highlights.set(CLAIM_HIGHLIGHT, new Highlight(...ranges))
    }
    const schedule = (changes: MutationRecord[]) => {
      if (!frame && changes.some((change) => !isOutsideText(change.target))) frame = requestAnimationFrame(paint)
    }
    paint()
    const observer = new MutationObserver(schedule)
    observer.observe(container, { childList: true, subtree: true, characterData: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
      CSS.highlights.delete(CLAIM_HIGHLIGHT)
    }
  }, [containerRef, claims])

  return claims
}
