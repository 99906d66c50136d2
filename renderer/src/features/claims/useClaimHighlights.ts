import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { Claim } from '../../../../electron/shared/dto/claims'
import { useApi } from '../../api/context'
import { useEvent } from '../../ui/useEvent'
import { buildTextIndex, spanToRange } from '../../ui/source-offsets'

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
  const api = useApi()
  const [claims, setClaims] = useState<Claim[]>([])
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEvent('claims.changed', reload)
  // A re-import re-anchors the open source's claims. A removal is left alone: the reader is about to close
  // that source, and asking for its claims now would only fetch a "not found".
  useEvent('sources.changed', ({ reason }) => reason !== 'remove' && reload())

  useEffect(() => {
    if (!sourceId) {
      setClaims([])
      return
    }
    let stale = false
    api
      .invoke('claims.forSource', { sourceId })
      .then((list) => !stale && setClaims(list))
      // Highlights are an aid: without them the reader still works, so a failure is not worth a toast.
      .catch(() => !stale && setClaims([]))
    return () => {
      stale = true
    }
  }, [api, sourceId, version])

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
