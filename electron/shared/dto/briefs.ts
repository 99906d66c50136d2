import type { BriefLayout } from './brief-layout'

export const BRIEF_TEMPLATES = ['policy-brief', 'briefing-note', 'ministerial-submission', 'blank'] as const
export type BriefTemplate = (typeof BRIEF_TEMPLATES)[number]

export const NOTE_MODES = ['footnotes', 'endnotes', 'none'] as const
/** footnotes / endnotes: Word notes; none: in-text citations with a reference list. */
export type NoteMode = (typeof NOTE_MODES)[number]

export const BUILTIN_STYLES = ['harvard', 'vancouver', 'apa', 'chicago', 'oscola', 'ieee', 'mhra'] as const
/** What a new brief starts with: Harvard (Cite Them Right) in the text, with its reference list. */
export const DEFAULT_STYLE = 'harvard'
export const DEFAULT_NOTES: NoteMode = 'none'

/**
 * What Evident adds after the style's own text, each switchable in the export dialog and remembered per brief:
 * the verbatim quote, the paragraph or page pinpoint (when the style printed none), the "Go to the quoted
 * words" link, and the Evidence appendix; and whether the document opens with a table of contents.
 */
export interface EvidentAdditions {
  includeQuotes: boolean
  pinpoints: boolean
  quoteLinks: boolean
  /** "Go to the page": a note citing a PDF source with an address links to URL#page=N, the quote's page. */
  pageLinks: boolean
  appendix: boolean
  /** The brief's open comment threads as Word comments on the same words (off unless asked: they are the team's notes). */
  comments: boolean
  /** A table of contents after the title: a Word TOC field over the brief's headings, filled in. */
  tableOfContents: boolean
}

export const DEFAULT_ADDITIONS: EvidentAdditions = { includeQuotes: false, pinpoints: true, quoteLinks: true, pageLinks: true, appendix: false, comments: false, tableOfContents: false }
/** A built-in style id, or "user:<id>" for a .csl file the analyst loaded. */
export type StyleId = string

export interface BriefSummary {
  id: string
  title: string
  questionId: string | null
  template: BriefTemplate
  style: StyleId
  notes: NoteMode
  /** Evident's additions as the analyst last chose them for this brief. */
  additions: EvidentAdditions
  /** House layout and target length (shared/dto/brief-layout.ts). */
  layout: BriefLayout
  revision: number
  updatedAt: string
  citationCount: number
}

/** The stored form of a brief: a versioned envelope around Lexical's serialized editor state. */
export interface SerializedBrief {
  format: 'evident-brief'
  version: number
  editorState: unknown
}

/**
 * 2: section headings carry their role (shared/dto/section-roles.ts); format 1 briefs are upgraded on read.
 * 3: tables (Lexical's table, tablerow and tablecell nodes), which an older Evident could not open.
 * 4: figures (`figure` nodes pointing at pictures stored in the project), which an older Evident could not open.
 * 5: comments (Lexical's `mark` nodes around commented words, threads as the root's `comments` state:
 *    shared/dto/comments.ts); nothing in a format 4 brief changes.
 */
export const SERIALIZED_BRIEF_VERSION = 5

export interface BriefDocument extends BriefSummary {
  content: SerializedBrief
  /** True when the stored JSON was corrupt or from a newer version: shown from the last good revision. */
  readOnly: boolean
  message?: string
}

export interface BriefRevision {
  id: number
  revision: number
  savedAt: string
  wordCount: number
}

export interface BriefOutline {
  id: string
  title: string
  sections: { title: string; claimIds: string[] }[]
}
