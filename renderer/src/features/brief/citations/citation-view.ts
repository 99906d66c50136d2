import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '@shared/dto/claims'
import type { ClaimLive, StyleKind } from './citation-store'
import { CLUSTER_MEMBER_LABEL, displayLabel, warningOf } from './labels'

/** What a citation label shows and how it is named, the same for inline citations and evidence quotes. */
export interface CitationView {
  className: string
  ariaLabel: string
  text: string
  /** Numeric and note styles show the label as a superscript. */
  numeric: boolean
  /** The "!" after a label whose claim was deleted or orphaned (not after "?", which already says so). */
  mark: boolean
}

export function citationView(statement: string, label: string | undefined, kind: StyleKind, live: ClaimLive, selected: boolean): CitationView {
  const numeric = kind !== 'author-date'
  if (label === CLUSTER_MEMBER_LABEL) {
    // The cluster's one label stands on its first citation; this one is a thin, still selectable, part of it.
    return {
      className: `citation citation-cluster-member${selected ? ' citation-selected' : ''}`,
      ariaLabel: `Citation, in the cluster before it: ${statement}`,
      text: '',
      numeric: false,
      mark: warningOf(live) !== null,
    }
  }
  const text = displayLabel(label, kind)
  const warning = warningOf(live) !== null
  // Read from the live claim: once it is tied to a quote the mark goes, though the brief's snapshot is older.
  const wholeWork = 'claim' in live && live.claim.wholeWork
  const problem = live.status === 'deleted' ? 'claim deleted' : live.status === 'changed' ? 'changed in the source' : 'claim orphaned'
  return {
    className: `citation ${numeric ? 'citation-numeric' : 'citation-author-date'}${warning ? ' citation-warning' : ''}${wholeWork ? ' citation-whole-work' : ''}${selected ? ' citation-selected' : ''}`,
    ariaLabel: `Citation ${text}: ${statement}${wholeWork ? ` — ${WHOLE_WORK}, ${CITED_WITHOUT_QUOTE.toLowerCase()}` : ''}${warning ? ` — warning: ${problem}` : ''}`,
    text,
    numeric,
    mark: warning && text !== '?',
  }
}

export function sameView(a: CitationView, b: CitationView): boolean {
  return a.className === b.className && a.ariaLabel === b.ariaLabel && a.text === b.text && a.numeric === b.numeric && a.mark === b.mark
}
