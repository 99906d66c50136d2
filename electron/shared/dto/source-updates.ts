import type { WordDiffPart } from './claims'

/**
 * What the world says about a source since it was imported: notices its publisher (or Retraction Watch, through
 * Crossref) registered against its DOI. Read from Crossref's `updated-by` relations when the analyst asks.
 */
export const NOTICE_KINDS = ['retraction', 'expression_of_concern', 'correction', 'other'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  retraction: 'Retracted',
  expression_of_concern: 'Expression of concern',
  correction: 'Corrected',
  other: 'Updated',
}

export interface SourceNotice {
  kind: NoticeKind
  /** Crossref's own word for the update ("retraction", "erratum", "partial_retraction"). */
  type: string
  /** Crossref's label ("Retraction", "Correction"), or the type in words when it sent none. */
  label: string
  /** The notice's own DOI, and its link. */
  doi: string
  url: string
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as Crossref's `updated.date-parts`. */
  date?: string
  /** Who reported it: "publisher" or "retraction-watch". */
  reportedBy?: string
}

/** The last successful check of one source, as stored in the project. */
export interface SourceUpdates {
  doi: string
  checkedAt: string
  notices: SourceNotice[]
}

export type OnlineOutcome = 'checked' | 'not-checked' | 'no-doi'

/** One source in a Check sources report. */
export interface OnlineSourceResult {
  sourceId: string
  sourceTitle: string
  doi?: string
  outcome: OnlineOutcome
  /** Why it could not be checked (outcome 'not-checked' or 'no-doi'), in the analyst's words. */
  reason?: string
  notices: SourceNotice[]
}

/** What became of one claim's quote in a web page fetched again (claims/quote-fate.ts). */
export interface PageQuoteResult {
  claimId: string
  statement: string
  quote: string
  fate: 'unchanged' | 'moved' | 'changed' | 'gone'
  /** What the page says now, for a quote that changed, and the word diff from the cited words. */
  words?: string
  diff?: WordDiffPart[]
}

/** A web source's page fetched again. */
export interface PageCheckResult {
  sourceId: string
  sourceTitle: string
  address: string
  /** same: the text is as stored; different: it changed (held for taking under checkId); not-checked: with why. */
  outcome: 'same' | 'different' | 'not-checked'
  reason?: string
  fetchedAt?: string
  /** Names the fetched page held in the core, for sources.takeFetchedPage / sources.keepSnapshot. */
  checkId?: string
  quotes: PageQuoteResult[]
}

export interface OnlineCheckReport {
  checkedAt: string
  results: OnlineSourceResult[]
  /** Web sources fetched again, each with what became of its quotes. */
  pages: PageCheckResult[]
  /** Quotes of those pages that changed or are gone. */
  changedQuotes: number
  /** How many sources carry a retraction notice. */
  retracted: number
  notChecked: number
  /** False in a read-only project: the results were reported but not kept. */
  stored: boolean
}

/** The most serious notice first: a retraction outweighs a correction. */
export function worstNotice(notices: readonly SourceNotice[]): SourceNotice | undefined {
  return [...notices].sort((a, b) => NOTICE_KINDS.indexOf(a.kind) - NOTICE_KINDS.indexOf(b.kind))[0]
}
