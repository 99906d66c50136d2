import type { QuoteChange } from '@shared/dto/claims'
import './quote-diff.css'

/** "Changed in the source" in one phrase, for marks, names and tooltips. */
export function quoteChangeSummary(change: QuoteChange): string {
  return change.kept ? 'Changed in the source — you kept the cited words' : 'Changed in the source'
}

/** The diff as plain words, for screen readers and tooltips: "2.1 → 2.3". */
export function quoteDiffText(change: QuoteChange): string {
  const parts = change.diff.filter((p) => p.op !== 'same')
  const removed = parts.filter((p) => p.op === 'removed').map((p) => p.text).join(' … ')
  const added = parts.filter((p) => p.op === 'added').map((p) => p.text).join(' … ')
  return `cited “${removed || '…'}”, the source now says “${added || '…'}”`
}

/**
 * The cited words against what the source says now, word by word: removed words struck through, added
 * words underlined (colour is not the only signal), each named for screen readers.
 */
export function QuoteDiff({ change }: { change: QuoteChange }) {
  return (
    <span className="quote-diff">
      {change.diff.map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text} </span>
        ) : part.op === 'removed' ? (
          <del key={i} aria-label={`cited: ${part.text}`}>
            {part.text}{' '}
          </del>
        ) : (
          <ins key={i} aria-label={`now: ${part.text}`}>
            {part.text}{' '}
          </ins>
        ),
      )}
    </span>
  )
}
