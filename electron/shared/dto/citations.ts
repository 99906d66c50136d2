import type { CitationPlacement } from '../citation-punctuation'
import type { NoteMode, StyleId } from './briefs'
import type { SourceNotice } from './source-updates'

export interface StyleInfo {
  id: StyleId
  title: string
  /** numeric styles number citations; author-date styles print (Author Year). */
  kind: 'numeric' | 'author-date' | 'note'
  builtin: boolean
}

export interface FormatRequest {
  style: StyleId
  /** The brief's note mode; a note style always writes notes. */
  notes?: NoteMode
  /** Keeps one engine per brief between requests, updated incrementally. */
  briefId?: string
  /** Start again from a fresh engine (a claim or source record changed). */
  fresh?: boolean
  /** The brief's citation clusters in document order, each with its claims in the analyst's order. */
  clusters: { id: string; claimIds: string[] }[]
  /**
   * The `answer` of the reply the editor shows now: while the core's engine still stands at that reply, it
   * answers with what changed since (CitationChanges) rather than every label and the whole list again.
   */
  since?: string
}

/** What a reply says about the style, whether it carries every label or only the changes. */
interface FormattedStyle {
  kind: StyleInfo['kind']
  /** The note mode the style really gets, and so where labels stand against punctuation. */
  notes: NoteMode
  placement: CitationPlacement
  punctuationInQuote: boolean
  /** Names this reply, for the next request's `since`. */
  answer: string
}

export interface FormattedCitations extends FormattedStyle {
  /** One label per requested cluster, in order ("[3–5]", "(Drage, 2015, paras 9, 11; Jones, 2014)"). */
  labels: string[]
  /** The reference list, in the style's order, as plain text. */
  references: { sourceId: string; text: string }[]
}

/** The reply to a request whose `since` the core still stood at: only what differs from that reply. */
export interface CitationChanges extends FormattedStyle {
  since: string
  /** [cluster id, label] for each requested cluster whose label is new or differs. */
  changed: [string, string][]
  /** The whole reference list, only when it changed. */
  references?: FormattedCitations['references']
}

export type QuoteStatus = 'ok' | 'changed' | 'orphaned' | 'deleted'

export interface QuoteCheckItem {
  claimId: string
  status: QuoteStatus
  quote: string
  sourceTitle: string
  /** What the source says now where the quote was, when it changed. */
  found?: string
  detail: string
}

/** A claim the brief cites as a whole work, with no quote: a note beside the check, not a failure. */
export interface CitedWithoutQuote {
  claimId: string
  statement: string
  sourceTitle: string
  /** The source's full text has been attached since: the claim can now be tied to a quote. */
  textAttached: boolean
}

/** A cited quote stored with characters XML cannot carry (kept by an older import): export leaves them out. */
export interface ForbiddenCharactersItem {
  claimId: string
  sourceTitle: string
  /** Which ones, as code points: "U+FFFE, U+FFFF". */
  characters: string
}

/** A cited source whose reference still rests on Evident's guesses (a warning: export is not stopped). */
export interface GuessedReference {
  sourceId: string
  sourceTitle: string
  /** The CSL fields still guessed and not confirmed ("title", "issued"). */
  fields: string[]
}

/** The GOV.UK accessible-document rules the brief's own text is checked against before export. */
export type AccessibilityRule = 'heading-order' | 'empty-heading' | 'link-text' | 'table-header' | 'merged-header' | 'figure-alt' | 'italic-emphasis' | 'long-sentence'

/** One place where the brief breaks a rule: errors stop the export unless the analyst exports anyway. */
export interface AccessibilityItem {
  rule: AccessibilityRule
  severity: 'error' | 'warning'
  /** Which top-level block of the brief (an index into the document's children), so the editor can go there. */
  block: number
  message: string
  excerpt?: string
}

/**
 * Something of the template the export leaves out (export/left-out.ts): a heading whose section is still
 * empty, with its sub-headings, or a paragraph still reading as the template's prompt. `block` is its
 * top-level block, so the editor can go there; `title` the heading (of its section, for a prompt).
 */
export interface LeftOutItem {
  kind: 'empty-section' | 'placeholder'
  title: string
  block: number
}

/** A cited source with notices against it (retraction, correction, concern), as the last Check sources found. */
export interface CitedSourceNotices {
  sourceId: string
  sourceTitle: string
  checkedAt: string
  notices: SourceNotice[]
}

export interface IntegrityReport {
  briefId: string
  /** Every cited quote matches its source (the accessibility errors are counted apart: see `accessibility`). */
  ok: boolean
  citationCount: number
  items: QuoteCheckItem[]
  accessibility: AccessibilityItem[]
  /** Present when any cited quote holds such characters; the quotes still match, so `ok` is not affected. */
  forbiddenCharacters?: ForbiddenCharactersItem[]
  guessedReferences: GuessedReference[]
  /** Claims cited as a whole work ("cited without a quote"), each once, in order of first citation. */
  citedWithoutQuote: CitedWithoutQuote[]
  /** Warnings, not failures of the quote check: `evident check --online` fails on a retraction. */
  sourceNotices: CitedSourceNotices[]
  /** Empty template headings and prompts the export leaves out: a note, not a failure. */
  leftOut: LeftOutItem[]
}

export interface ExportOptions {
  briefId: string
  outPath: string
  style?: StyleId
  notes?: NoteMode
  /** Each of Evident's additions for this export; one left out is the brief's remembered choice. */
  includeQuotes?: boolean
  pinpoints?: boolean
  quoteLinks?: boolean
  pageLinks?: boolean
  appendix?: boolean
  comments?: boolean
  tableOfContents?: boolean
  /** Export even when quotes no longer match; those citations are marked in the document. */
  force?: boolean
  /** Replace a file already at outPath (a native save dialog has asked already; otherwise the analyst is asked). */
  overwrite?: boolean
}

export interface ExportResult {
  path: string
  bytes: number
  citations: number
  report: IntegrityReport
}
