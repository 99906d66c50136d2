import type { CslItem } from '../../shared/dto/csl'
import type { Paragraph, SourceFormat } from '../../shared/dto/sources'

const PAGE_NUMBER = /^[1-9]\d{0,5}$/

/**
 * A link that opens a PDF source's file at the quote's page (`URL#page=N`, the open-parameter PDF viewers in
 * browsers and Acrobat follow), for the note's "Go to the page". N must be the page's place in the file. A claim
 * whose anchor holds its page (`anchor.pdf`: made on the page, or found there since) gives it directly. Otherwise
 * the clean text knows the page only as a label: the link is given only where every page label of the source is
 * a whole number (the importer labels pages by number when the PDF has no labels of its own), so a report whose
 * front matter is numbered i, ii, iii gets no page link rather than a wrong one.
 */
export function pdfPageUrl(
  csl: CslItem,
  format: SourceFormat | undefined,
  page: string | undefined,
  paragraphs: readonly Paragraph[],
  placedOn?: number,
): string | undefined {
  if (format !== 'pdf') return undefined
  const url = typeof csl.URL === 'string' ? csl.URL.trim() : ''
  if (!/^https?:\/\//i.test(url)) return undefined
  const base = url.split('#')[0]
  if (placedOn !== undefined && Number.isInteger(placedOn) && placedOn >= 1) return `${base}#page=${placedOn}`
  if (!page || !PAGE_NUMBER.test(page)) return undefined
  if (!paragraphs.every((p) => p.page === undefined || PAGE_NUMBER.test(p.page))) return undefined
  return `${base}#page=${page}`
}
