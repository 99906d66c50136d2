import type { NodeKey } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '@shared/dto/claims'
import { CitationLabel } from './CitationLabel'
import { useCitationSelected, useClaimLive } from './CitationStoreContext'
import { locationOf, warningOf } from './labels'
import { QuoteDiff } from '../../../ui/QuoteDiff'

/** A claim's verbatim quote set as a block, attributed, with the same live citation label as inline citations. */
export function EvidenceQuoteView({ nodeKey, snapshot }: { nodeKey: NodeKey; snapshot: CitationSnapshot }) {
  const live = useClaimLive(snapshot.claimId)
  const isSelected = useCitationSelected(nodeKey)
  const warning = warningOf(live)
  return (
    <figure
      className={`evidence-quote${warning ? ' evidence-quote-warning' : ''}${isSelected ? ' evidence-quote-selected' : ''}`}
      aria-label={`Evidence quote from ${snapshot.shortCitation || snapshot.sourceTitle}`}
    >
      <blockquote className="evidence-quote-text" title={warning ?? undefined}>
        {snapshot.wholeWork && !snapshot.quote ? `${CITED_WITHOUT_QUOTE} (${WHOLE_WORK})` : `“${snapshot.quote}”`}
      </blockquote>
      {live.status === 'changed' && live.claim.quoteChange && (
        <p className="evidence-quote-change">
          <span aria-hidden="true">⚠ </span>
          {warning} <QuoteDiff change={live.claim.quoteChange} />
        </p>
      )}
      <figcaption className="evidence-quote-caption">
        — {snapshot.sourceTitle || snapshot.shortCitation}
        <span className="muted">, {locationOf(snapshot)}</span>
        <CitationLabel nodeKey={nodeKey} snapshot={snapshot} />
      </figcaption>
    </figure>
  )
}
