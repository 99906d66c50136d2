import type { NodeKey } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { citationView } from './citation-view'
import { useCitationKind, useCitationLabel, useCitationSelected, useClaimLive } from './CitationStoreContext'

/**
 * The live label inside an evidence quote's caption, drawn by React as its block is. It looks and is named
 * like an inline citation's label (citation-dom.ts); CitationCardPlugin gives both their card.
 */
export function CitationLabel({ nodeKey, snapshot }: { nodeKey: NodeKey; snapshot: CitationSnapshot }) {
  const view = citationView(snapshot.statement, useCitationLabel(nodeKey), useCitationKind(), useClaimLive(snapshot.claimId), useCitationSelected(nodeKey))
  return (
    <span
      role="button"
      // Not a Tab stop, as inline citations are not; the caret selects the quote and Enter opens the card.
      tabIndex={-1}
      className={view.className}
      aria-label={view.ariaLabel}
      aria-haspopup="dialog"
      data-claim-id={snapshot.claimId}
      data-citation-key={nodeKey}
    >
      {view.numeric ? <sup>{view.text}</sup> : view.text}
      {view.mark && (
        <span className="citation-warning-mark" aria-hidden="true">
          !
        </span>
      )}
    </span>
  )
}
