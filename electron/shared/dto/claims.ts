import type { SourceNotice } from './source-updates'
export const STANCES = ['supports', 'opposes', 'mixed', 'neutral'] as const
export type Stance = (typeof STANCES)[number]

export const EVIDENCE_TYPES = ['statistic', 'research-finding', 'expert-opinion', 'policy-statement', 'testimony'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]

export const STRENGTHS = ['weak', 'moderate', 'strong'] as const
export type Strength = (typeof STRENGTHS)[number]

/**
 * A rectangle on a PDF page in the page's user space, as a PDF writes a Rect: x1, y1, x2, y2 in points from
 * the page's lower-left corner, before its rotation. The same at every zoom, so the Original view and any
 * other reader of the file can draw it.
 */
export type PdfRect = [number, number, number, number]

/**
 * Where a PDF claim's quote is printed: the page's place in the file (1 = its first page; a page selector, which
 * the page label cannot be: labels may be i, ii, iii) and the quote's rectangles on it, one per line.
 */
export interface PdfPlace {
  page: number
  rects: PdfRect[]
}

/** W3C Web Annotation TextQuote + TextPosition selectors, plus where a reader finds it. */
export interface ClaimAnchor {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  paragraph: number
  /** The clean text's label for the page the quote starts on. */
  page?: string
  /** A PDF claim's page and rectangles: kept when it was made on the page, or found there later (claims.placeOnPages). */
  pdf?: PdfPlace
  /**
   * A claim made before places were kept whose quote was looked for on the PDF's pages and not found there:
   * it keeps its paragraph anchor, and is not looked for again.
   */
  pdfNotFound?: true
}

/** What claims.placeOnPages did: claims given a place, claims marked not found, and findings left alone (stale). */
export interface PlacedOnPages {
  placed: number
  notFound: number
  skipped: number
}

/** What the Original view found on a PDF's pages for a claim without a place, for claims.placeOnPages. */
export type PdfPlaceFinding =
  | { id: string; start: number; end: number; page: number; rects: PdfRect[] }
  | { id: string; start: number; end: number; notFound: true }

export type ClaimStatus = 'anchored' | 'orphaned'

/**
 * What became of a cited quote in a new text of its source: the same words at the same place, the same
 * words found exactly elsewhere, only a near match (the words changed), or nothing close enough.
 */
export const QUOTE_FATES = ['unchanged', 'moved', 'changed', 'gone'] as const
export type QuoteFate = (typeof QUOTE_FATES)[number]

/** One run of a word diff between the cited words and the source's new words. */
export interface WordDiffPart {
  op: 'same' | 'removed' | 'added'
  /** The run's words, separated by single spaces. */
  text: string
}

/** A claim "changed in the source": `quote` keeps the cited words; these are the words the source has now. */
export interface QuoteChange {
  words: string
  /** Cited words → the source's words. */
  diff: WordDiffPart[]
  /** The analyst chose to keep the cited words (rejected the source's new ones); the mark stays, saying so. */
  kept: boolean
}

export const QUOTE_DECISIONS = ['accept', 'keep'] as const
export type QuoteDecision = (typeof QUOTE_DECISIONS)[number]

export interface ClaimStance {
  questionId: string
  stance: Stance
}

export interface Claim {
  id: string
  sourceId: string | null
  statement: string
  quote: string
  anchor: ClaimAnchor
  tagIds: string[]
  stances: ClaimStance[]
  evidenceType: EvidenceType | null
  strength: Strength | null
  note: string
  status: ClaimStatus
  /**
   * Cites its source as a whole work, with no quote (its quote is empty, its anchor points nowhere): how a
   * reference-only source is cited. Tying it to a passage later (claims.reattach) makes it a quoted claim.
   */
  wholeWork: boolean
  /** Set when the source no longer says the cited words exactly: what it says now, until the analyst decides. */
  quoteChange?: QuoteChange
  createdAt: string
  updatedAt: string
}

export interface ClaimCard extends Claim {
  sourceTitle: string
  /** "Iacobucci 2014" */
  shortCitation: string
  /** The most serious notice Check sources found against the claim's source (a retraction first). */
  sourceNotice?: SourceNotice
  /** Search snippet with SNIPPET_OPEN / SNIPPET_CLOSE markers, when the list came from a search. */
  snippet?: string
}

/** What the analyst may state about a claim, when creating it or editing it later. */
export interface ClaimPatch {
  statement?: string
  tagIds?: string[]
  stances?: ClaimStance[]
  evidenceType?: EvidenceType | null
  strength?: Strength | null
  note?: string
}

export interface NewClaim extends ClaimPatch {
  sourceId: string
  start: number
  end: number
  /** The text the analyst selected; must equal the source text at start..end. */
  exact: string
  /** Made on a PDF's page in the Original view: that page and the selection's rectangles. */
  pdf?: PdfPlace
}

/** The words every door uses for a citation of a whole work: the check, the appendix, the editor, the CLI. */
export const CITED_WITHOUT_QUOTE = 'Cited without a quote'
export const WHOLE_WORK = 'whole work'

/** A claim on a reference-only source, citing it as a whole work (claims.citeWholeWork). */
export interface NewWholeWorkClaim extends ClaimPatch {
  sourceId: string
}

export const CLAIM_SORTS = ['relevance', 'newest', 'oldest', 'source', 'strength'] as const
export type ClaimSort = (typeof CLAIM_SORTS)[number]

export interface ClaimQuery {
  text?: string
  sourceId?: string
  tagId?: string
  questionId?: string
  stance?: Stance
  evidenceType?: EvidenceType
  strength?: Strength
  status?: ClaimStatus
  sort?: ClaimSort
  offset?: number
  limit?: number
}

export interface ClaimPage {
  total: number
  items: ClaimCard[]
}

export interface Tag {
  id: string
  name: string
  parentId: string | null
  /** "Workforce > Recruitment" */
  path: string
  claimCount: number
}

export interface Question {
  id: string
  text: string
  claimCount: number
}

export interface Suggestion {
  /** Stable per source and sentence, so a dismissal is remembered across sessions. */
  key: string
  sourceId: string
  text: string
  start: number
  end: number
  paragraph: number
  score: number
  reasons: string[]
}

/** The MIME type a dragged claim card carries; its payload is ClaimDragPayload as JSON. */
export const CLAIM_MIME = 'application/x-evident-claim'

export interface ClaimDragPayload {
  claimId: string
}
