import type Database from 'better-sqlite3'
import type { ClaimAnchor, PdfPlace, PdfPlaceFinding, PlacedOnPages } from '../../shared/dto/claims'
import { storedAnchor } from '../../shared/stored'
import { command, query } from '../db/statement'
import { claimNamed, readStored } from '../db/stored'
import { AppError } from '../errors'

export const NOT_A_PDF = 'Only a PDF source has pages to place a quote on: this source is not a PDF.'

/** A claim made on a PDF's page keeps that page and its rectangles beside the clean text's anchor. */
export function withPdfPlace(anchor: ClaimAnchor, format: string, place: PdfPlace | undefined): ClaimAnchor {
  if (!place) return anchor
  if (format !== 'pdf') throw new AppError('INVALID_INPUT', NOT_A_PDF)
  return { ...anchor, pdf: place }
}

interface PlaceRow {
  id: string
  statement: string
  anchor: string
}

/**
 * Records what the Original view found on a PDF's pages for claims that had no place: found ones take their
 * page and rectangles, the rest are marked not found (so they are looked for once, and say so). A finding for
 * a claim whose anchor moved since it was looked for, or that already has a place (one made on the page is
 * the analyst's own selection, more exact than a search), is left alone. One transaction.
 */
export function placeOnPages(db: Database.Database, sourceId: string, findings: readonly PdfPlaceFinding[]): PlacedOnPages {
  const source = query<{ format: string }>(db, 'SELECT format FROM sources WHERE id = ?').get(sourceId)
  if (!source) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
  if (source.format !== 'pdf') throw new AppError('INVALID_INPUT', NOT_A_PDF)
  const read = query<PlaceRow>(db, `SELECT id, statement, anchor FROM claims WHERE id = ? AND source_id = ? AND status = 'anchored' AND whole_work = 0`)
  // Not updated_at: finding the quote on its page changes nothing the analyst wrote.
  const write = command(db, 'UPDATE claims SET anchor = ? WHERE id = ?')
  const result: PlacedOnPages = { placed: 0, notFound: 0, skipped: 0 }
  db.transaction(() => {
    for (const finding of findings) {
      const row = read.get(finding.id, sourceId)
      const anchor = row && readStored(storedAnchor, row.anchor, () => claimNamed(row.statement))
      if (!row || !anchor || anchor.start !== finding.start || anchor.end !== finding.end || anchor.pdf) {
        result.skipped++
        continue
      }
      const { pdfNotFound: _, ...rest } = anchor
      const next: ClaimAnchor = 'notFound' in finding ? { ...rest, pdfNotFound: true } : { ...rest, pdf: { page: finding.page, rects: finding.rects } }
      write.run(JSON.stringify(next), row.id)
      if ('notFound' in finding) result.notFound++
      else result.placed++
    }
  })()
  return result
}
