import type { PdfPlace } from '@shared/dto/claims'
import type { QuoteAnchor } from '../locate'

/** How a mark on the page is painted: a claim by its stance (colour and pattern), a find match, the jumped-to quote. */
export type MarkKind = 'supports' | 'opposes' | 'mixed' | 'neutral' | 'unstanced' | 'find' | 'target'

/** Something to mark on the original: a claim's quote, a find match. */
export interface OriginalMark {
  key: string
  /** The claim it belongs to, for a click on it. */
  claimId?: string
  kind: MarkKind
  anchor: QuoteAnchor
  /** The page label the clean text gives its start ("12"); absent = look on every page. */
  page?: string
  /** A find match names its page by number, having found it there. */
  pageNumber?: number
  /** …and where on it, in the page's compact text (a word found twice on a page is two matches). */
  compactAt?: number
  /** The claim's page and rectangles, kept in its anchor: drawn as they are, with no search. */
  pdf?: PdfPlace
  /** A claim whose anchor has no place yet, nor was looked for: the view looks for it on its page (find-places.ts). */
  lookForPlace?: boolean
  label: string
}

/** The label pdf.js and the importer both give page n: the PDF's own label, else its number. */
export function pageLabel(labels: string[] | null, n: number): string {
  return labels?.[n - 1] || String(n)
}

/** Whether a mark may lie on page n: it starts there, or starts on the page before and runs on. */
export function mayBeOn(mark: OriginalMark, n: number, labels: string[] | null): boolean {
  if (mark.pdf) return mark.pdf.page === n
  if (mark.pageNumber !== undefined) return mark.pageNumber === n
  if (mark.page === undefined) return true
  return mark.page === pageLabel(labels, n) || (n > 1 && mark.page === pageLabel(labels, n - 1))
}
