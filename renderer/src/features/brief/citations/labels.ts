import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { ClaimLive } from './citation-store'
import { quoteChangeSummary, quoteDiffText } from '../../../ui/QuoteDiff'

/** "¶ 12, p. 4" — where a reader finds the quote. */
export function locationOf(s: CitationSnapshot): string {
  return s.page ? `¶ ${s.paragraph}, p. ${s.page}` : `¶ ${s.paragraph}`
}

/** A plain sentence for the warning look, or null when the claim is fine (or not yet known). */
export function warningOf(live: ClaimLive): string | null {
  if (live.status === 'deleted') return 'This claim was deleted from the library. The brief keeps the text it had when it was cited.'
  if (live.status === 'orphaned') return 'The quote no longer matches its source (the claim is orphaned). The brief keeps the text it had when it was cited.'
  if (live.status === 'changed' && live.claim.quoteChange) {
    const change = live.claim.quoteChange
    return `${quoteChangeSummary(change)}: ${quoteDiffText(change)}.${change.kept ? '' : ' Open the claim to accept the new words or keep yours.'}`
  }
  return null
}

export function excerpt(text: string, max = 280): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…'
}

/** Numeric styles print "(1)" or "[1]" in running text; the editor shows the bare number (as a superscript). */
export function displayLabel(label: string | undefined, kind: 'numeric' | 'author-date' | 'note'): string {
  if (label === undefined) return '…'
  return kind === 'author-date' ? label : label.replace(/^\s*[[(]\s*|\s*[\])]\s*$/g, '')
}

/** What the other citations of a cluster show: the cluster's one label stands on its first citation. */
export const CLUSTER_MEMBER_LABEL = ''
