import { useEffect, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useClaimsUi } from './claims-ui'
import { OUTSIDE_TEXT, offsetAtPoint } from '../../ui/source-offsets'
import { useClaimHighlights } from './useClaimHighlights'
import { useSelectionToClaim } from './useSelectionToClaim'
import './claims-reader.css'

export interface ReaderClaimLayerProps {
  /** The element holding the reader's paragraphs (anything around them will do). */
  containerRef: RefObject<HTMLElement | null>
  sourceId: string | null
}

/**
 * Claims in the reader: highlights existing ones (a click opens the claim), and turns a selection into a
 * new claim by Ctrl+Enter or the popover. It draws nothing inside the reader; its popover and messages
 * float above it, so the reader's DOM stays exactly the source text.
 */
export function ReaderClaimLayer({ containerRef, sourceId }: ReaderClaimLayerProps) {
  const ui = useClaimsUi()
  const claims = useClaimHighlights(containerRef, sourceId)
  const { anchor, message, clearMessage, claimSelection } = useSelectionToClaim(containerRef, sourceId)

  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const container: HTMLElement = el
    const claimAt = (x: number, y: number, target: EventTarget | null) => {
      // The Original view beside the text handles its own clicks: its words are not the clean text's.
      if (target instanceof Element && target.closest(OUTSIDE_TEXT)) return undefined
      const offset = offsetAtPoint(container, x, y)
      if (offset === null) return undefined
      // Overlapping claims: the shortest one is the one the analyst is most likely pointing at.
      return claims
        .filter((c) => c.status === 'anchored' && c.anchor.start <= offset && offset < c.anchor.end)
        .sort((a, b) => a.anchor.end - a.anchor.start - (b.anchor.end - b.anchor.start))[0]
    }
    function onClick(e: MouseEvent) {
      if (e.button !== 0 || !document.getSelection()?.isCollapsed) return
      const claim = claimAt(e.clientX, e.clientY, e.target)
      if (claim) ui.openClaim(claim.id)
    }
    let frame = 0
    function onMove(e: MouseEvent) {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        container.style.cursor = claimAt(e.clientX, e.clientY, e.target) ? 'pointer' : ''
      })
    }
    container.addEventListener('click', onClick)
    container.addEventListener('mousemove', onMove)
    return () => {
      container.removeEventListener('click', onClick)
      container.removeEventListener('mousemove', onMove)
      cancelAnimationFrame(frame)
      container.style.cursor = ''
    }
  }, [containerRef, claims, ui])

  const label = ui.reattaching ? 'Re-attach here' : 'New claim'
  return createPortal(
    <>
      {anchor && (
        <div className="selection-popover" style={{ left: Math.min(anchor.x, window.innerWidth - 180), top: anchor.y + 6 }}>
          <button
            type="button"
            className="primary"
            aria-keyshortcuts="Control+Enter"
            title={ui.readOnly ? `No claim can be made: ${ui.readOnly}` : `${label} (Ctrl+Enter)`}
            disabled={ui.readOnly !== null}
            // Keep the selection: a mousedown on a button would otherwise clear it before the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void claimSelection()}
          >
            {label}
          </button>
        </div>
      )}
      {/* The live region is always there, so a message appearing in it is announced. */}
      <div className="claim-message-region" role="status">
        {message && (
          <div className="claim-message">
            <span>{message}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={clearMessage}>
              ×
            </button>
          </div>
        )}
      </div>
    </>,
    document.body,
  )
}
