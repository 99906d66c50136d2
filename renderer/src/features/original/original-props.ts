import type { QuoteAnchor } from './locate'
import type { PageRect } from './pdf/page-text'

/** "Open in source" at a quote: the view scrolls to it and marks it. A new seq for each request. */
export interface OriginalTarget {
  anchor: QuoteAnchor
  /** The clean text's page label for the quote's start, when it has one. */
  page?: string
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
}
