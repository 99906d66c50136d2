import { memo, type DragEvent } from 'react'
import { CITED_WITHOUT_QUOTE, CLAIM_MIME, WHOLE_WORK, type ClaimCard, type ClaimDragPayload, type Question, type Tag } from '@shared/dto/claims'
import { EVIDENCE_TYPE_LABELS, STANCE_LABELS, STRENGTH_LABELS, excerpt, locationLabel } from './labels'
import { Snippet, snippetText } from '../../ui/Snippet'
import { TagPath } from './TagPath'
import { QuoteDiff, quoteChangeSummary } from '../../ui/QuoteDiff'
import { NOTICE_KIND_LABELS } from '@shared/dto/source-updates'
import '../online/online.css'
import './claims-chips.css'

export interface ClaimCardViewProps {
  card: ClaimCard
  id: string
  index: number
  total: number
  active: boolean
  tagById: Map<string, Tag>
  questionById: Map<string, Question>
  onOpen: (card: ClaimCard, index: number) => void
  /**
   * Where a virtual list places the card, in px from the top. A number rather than a style object, so an
   * unchanged position is an unchanged prop and the memoised card does not re-render as the list scrolls.
   */
  offset?: number
  measureRef?: (el: HTMLElement | null) => void
}

/** What the brief editor receives when a card is dropped on it: the claim id, plus plain text elsewhere. */
export function startClaimDrag(event: DragEvent<HTMLElement>, card: ClaimCard): void {
  const payload: ClaimDragPayload = { claimId: card.id }
  event.dataTransfer.setData(CLAIM_MIME, JSON.stringify(payload))
  event.dataTransfer.setData('text/plain', card.statement)
  event.dataTransfer.effectAllowed = 'copy'
}

/** FTS snippets mark where the words matched; they go on the statement when it matched, else on the quote. */
function snippetPlace(card: ClaimCard): 'statement' | 'quote' | null {
  if (!card.snippet) return null
  const core = snippetText(card.snippet).replace(/^…|…$/g, '').trim()
  return core && card.statement.includes(core) ? 'statement' : 'quote'
}

/** One claim as a listbox option: focus stays on the list (aria-activedescendant), so nothing inside is a control. */
export const ClaimCardView = memo(function ClaimCardView(props: ClaimCardViewProps) {
  const { card, id, index, total, active, tagById, questionById, onOpen, offset, measureRef } = props
  const orphaned = card.status === 'orphaned'
  const marked = snippetPlace(card)
  return (
    <div
      ref={measureRef}
      id={id}
      role="option"
      aria-selected={active}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-index={index}
      className={`claim-card${orphaned ? ' is-orphaned' : ''}${active ? ' is-active' : ''}`}
      style={offset === undefined ? undefined : { transform: `translateY(${offset}px)` }}
      draggable
      onDragStart={(e) => startClaimDrag(e, card)}
      onClick={() => onOpen(card, index)}
    >
      {/* The option is named by its content: an orphaned claim's name begins by saying so. */}
      {orphaned && <span className="visually-hidden">Orphaned claim: </span>}
      {orphaned && (
        <p className="orphan-flag">
          <span aria-hidden="true">⚠</span> Orphaned — {card.sourceId ? 'quote not found in the source' : 'its source was removed'}
        </p>
      )}
      {card.quoteChange && (
        <>
          <p className="quote-change-flag">
            <span aria-hidden="true">⚠</span> {quoteChangeSummary(card.quoteChange)}
          </p>
          <p className="claim-excerpt">
            <QuoteDiff change={card.quoteChange} />
          </p>
        </>
      )}
      {card.sourceNotice && (
        <p className={`claim-notice-flag notice-badge notice-badge-${card.sourceNotice.kind}`}>
          Source {NOTICE_KIND_LABELS[card.sourceNotice.kind].toLowerCase()}: {card.sourceNotice.label}
          {card.sourceNotice.date ? ` (${card.sourceNotice.date})` : ''}
        </p>
      )}
      <p className="claim-statement">{marked === 'statement' && card.snippet ? <Snippet snippet={card.snippet} /> : card.statement}</p>
      {card.wholeWork ? (
        <p className="claim-excerpt claim-whole-work">
          {CITED_WITHOUT_QUOTE}: cites the {WHOLE_WORK}
        </p>
      ) : (
        <blockquote className="claim-excerpt">{marked === 'quote' && card.snippet ? <Snippet snippet={card.snippet} /> : excerpt(card.quote)}</blockquote>
      )}
      <p className="claim-meta">
        <span className="claim-cite">{card.shortCitation}</span>
        {!orphaned && !card.wholeWork && <span className="muted"> · {locationLabel(card.anchor.paragraph, card.anchor.page)}</span>}
        {card.evidenceType && <span className="muted"> · {EVIDENCE_TYPE_LABELS[card.evidenceType]}</span>}
        {card.strength && <span className="muted"> · {STRENGTH_LABELS[card.strength]}</span>}
      </p>
      {(card.tagIds.length > 0 || card.stances.length > 0) && (
        <ul className="chip-list claim-chips">
          {card.stances.map((s) => {
            const question = questionById.get(s.questionId)?.text ?? 'a question'
            return (
              <li key={s.questionId} className={`stance-badge stance-${s.stance}`} title={`${STANCE_LABELS[s.stance]}: ${question}`}>
                {STANCE_LABELS[s.stance]}
                {questionById.size > 1 && <span className="stance-on"> · {question}</span>}
              </li>
            )
          })}
          {card.tagIds.map((tagId) => (
            <li key={tagId} className="chip">
              <TagPath path={tagById.get(tagId)?.path ?? '…'} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})
