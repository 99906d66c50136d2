import { useLayoutEffect, useState, type KeyboardEvent, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { NodeKey } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '@shared/dto/claims'
import { useToast } from '../../../ui/Toast'
import { useApi } from '../../../api/context'
import type { ClaimLive } from './citation-store'
import { excerpt, locationOf, warningOf } from './labels'
import { QuoteDiff } from '../../../ui/QuoteDiff'
import { useBriefNavigation } from './navigation'
import { cannotOpen, openInSource } from './open-source'
import { ClusterActions } from './ClusterActions'

interface Props {
  id: string
  nodeKey: NodeKey
  snapshot: CitationSnapshot
  label: string
  live: ClaimLive
  anchor: HTMLElement | null
  cardRef: RefObject<HTMLDivElement | null>
  onClose(returnFocus: boolean): void
  onPointer(inside: boolean): void
}

const WIDTH = 340

/** Where to put the card: under the label, or above it when there is no room below. */
function place(anchor: HTMLElement | null, height: number): { top: number; left: number } {
  const rect = anchor?.getBoundingClientRect()
  if (!rect) return { top: 0, left: 0 }
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - WIDTH - 8))
  const below = rect.bottom + 6
  const top = below + height > window.innerHeight - 8 && rect.top - height - 6 > 8 ? rect.top - height - 6 : below
  return { top, left }
}

/**
 * The claim behind a citation: statement, quote, source and location, with "Open in source". Portalled to
 * the body so it is not clipped by the editor and is not part of the editable text.
 */
export function CitationCard({ id, nodeKey, snapshot, label, live, anchor, cardRef, onClose, onPointer }: Props) {
  const api = useApi()
  const toast = useToast()
  const navigation = useBriefNavigation()
  const [position, setPosition] = useState({ top: -9999, left: 0 })
  const warning = warningOf(live)
  const blocked = cannotOpen(snapshot)

  useLayoutEffect(() => {
    const update = () => setPosition(place(anchor, cardRef.current?.offsetHeight ?? 200))
    update()
    window.addEventListener('scroll', update, true)
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('scroll', update, true)
      window.removeEventListener('resize', update)
    }
  }, [anchor, cardRef])

  async function open() {
    navigation.rememberCitation(nodeKey)
    const opened = await openInSource(api, snapshot, live)
    if (!opened) toast.info(blocked ?? 'This source cannot be opened.')
    onClose(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose(true)
    }
  }

  return createPortal(
    <div
      ref={cardRef}
      id={id}
      className={`citation-card${warning ? ' citation-card-warning' : ''}`}
      role="dialog"
      aria-label={`Citation ${label}`}
      style={{ top: position.top, left: position.left, width: WIDTH }}
      onMouseEnter={() => onPointer(true)}
      onMouseLeave={() => onPointer(false)}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null
        if (!e.currentTarget.contains(next) && !anchor?.contains(next)) onClose(false)
      }}
    >
      {warning && (
        <p className="citation-card-alert" role="note">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      )}
      <p className="citation-card-statement">{snapshot.statement || 'No statement recorded.'}</p>
      {snapshot.quote && <blockquote className="citation-card-quote">“{excerpt(snapshot.quote)}”</blockquote>}
      {'claim' in live && live.claim.wholeWork && (
        <p className="citation-card-quote citation-card-whole-work">
          {CITED_WITHOUT_QUOTE}: this claim cites the {WHOLE_WORK}. Once its full text is attached, Tie to a quote… on the claim selects the passage.
        </p>
      )}
      {live.status === 'changed' && live.claim.quoteChange && (
        <p className="citation-card-quote" aria-label="The cited words against the source’s words now">
          <QuoteDiff change={live.claim.quoteChange} />
        </p>
      )}
      <p className="citation-card-source">
        <span className="citation-card-title">{snapshot.sourceTitle || snapshot.shortCitation || 'Unknown source'}</span>
        <span className="muted"> · {locationOf(snapshot)}</span>
      </p>
      <div className="citation-card-actions">
        <button type="button" className="primary" onClick={() => void open()} disabled={!!blocked} title={blocked ?? undefined}>
          Open in source
        </button>
        <button type="button" onClick={() => onClose(true)}>
          Close
        </button>
      </div>
      <ClusterActions nodeKey={nodeKey} onAdding={() => onClose(false)} />
    </div>,
    document.body,
  )
}
