import type Database from 'better-sqlite3'
import type { OcrPageWords } from '../../shared/dto/sources'
import { storedOcrLines } from '../../shared/stored'
import { command, query } from '../db/statement'
import { readStored, sourceNamed } from '../db/stored'
import type { ExtractedDocument } from './extracted'

/**
 * A scanned source's OCR words with their places on the page (`source_ocr_words`, one row a page), written in
 * the transaction that stores its text and read one page at a time by the Original view.
 */
export function storeOcrWords(db: Database.Database, sourceId: string, document: ExtractedDocument): void {
  command(db, 'DELETE FROM source_ocr_words WHERE source_id = ?').run(sourceId)
  const insert = command(db, 'INSERT INTO source_ocr_words (source_id, page, lines) VALUES (?, ?, ?)')
  for (const { page, lines } of document.ocrWords ?? []) {
    // The parser process reads hostile files: a page it hands over out of shape or past the bounds is not kept.
    if (!Number.isInteger(page) || page < 1 || !storedOcrLines.safeParse(lines).success) continue
    insert.run(sourceId, page, JSON.stringify(lines))
  }
}

/**
 * One page's words. A source read by OCR before the words were kept has none on any page: `kept` false, so the
 * view can say why its scans have no text layer. A page that had its own text has no row and no words.
 */
export function ocrWordsOf(db: Database.Database, sourceId: string, page: number): OcrPageWords {
  const source = query<{ title: string; ocr: string | null; kept: number }>(
    db,
    'SELECT title, ocr, EXISTS (SELECT 1 FROM source_ocr_words w WHERE w.source_id = s.id) AS kept FROM sources s WHERE s.id = ?',
  ).get(sourceId)
  if (!source || !source.ocr) return { kept: true, lines: [] }
  const row = query<{ lines: string }>(db, 'SELECT lines FROM source_ocr_words WHERE source_id = ? AND page = ?').get(sourceId, page)
  if (!row) return { kept: source.kept === 1, lines: [] }
  return { kept: true, lines: readStored(storedOcrLines, row.lines, () => `${sourceNamed(source.title)}'s OCR words on page ${page}`) }
}
