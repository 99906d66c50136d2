import { useEffect, type RefObject } from 'react'
import type { Claim } from '@shared/dto/claims'
import { buildTextIndex, spanToRange } from '../../ui/source-offsets'
import { useSourceClaims } from './useSourceClaims'

export const CLAIM_HIGHLIGHT = 'evident-claim'

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

/**
 * The open source's claims, painted with the CSS Custom Highlight API: no wrapper elements, so the reader's
 * DOM (and its offsets) stay untouched. The reader re-renders runs of text (find marks do that), which
 * detaches the ranges' nodes, so the highlight is rebuilt whenever the reader's DOM changes.
 */
export function useClaimHighlights(containerRef: RefObject<HTMLElement | null>, sourceId: string | null): Claim[] {
  const claims = useSourceClaims(sourceId)

  useEffect(() => {
    const container = containerRef.current
    if (!container || !highlightsSupported()) return
    let frame = 0
    const paint = () => {
      frame = 0
      const index = buildTextIndex(container)
      const ranges = claims
        .filter((c) => c.status === 'anchored')
        .map((c) => spanToRange(index, c.anchor))
        .filter((r): r is Range => r !== null)
      CSS.highlights.set(CLAIM_HIGHLIGHT, new Highlight(...ranges))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint)
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
