import type { PdfPlace } from '@shared/dto/claims'
import type { QuoteAnchor } from './locate'
import type { PageRect } from './pdf/page-text'

/** "Open in source" at a quote: the view scrolls to it and marks it. A new seq for each request. */
export interface OriginalTarget {
  anchor: QuoteAnchor
  /** The clean text's page label for the quote's start, when it has one. */
  page?: string
  /** The quote's offsets in the clean text (a saved page's marks carry them). */
  start: number
  end: number
  /** A PDF claim's page and rectangles, when its anchor keeps them: the view goes straight there. */
  pdf?: PdfPlace
  seq: number
}

/** Words the analyst selected on a page of the original, to become a claim on the clean text. */
export interface PageSelection {
  /** 1-based page number, and the label the clean text uses for that page. */
  pageNumber: number
  pageLabel: string
  selected: string
  /** The page's words just before the selection, to tell repeats apart. */
  before: string
  rects: PageRect[]
  /** The page and the selection's rectangles in PDF user space, for the claim's anchor. */
  pdf?: PdfPlace
}
