import type { Migration } from '../migration'

/**
 * A source whose text was read from scans by OCR keeps how that reading went (pages, mean word confidence,
 * doubtful words, scans with no words), so the reader can say "text from OCR" and how far to trust it.
 * JSON in one nullable column: null for every source whose text the file itself gave.
 */
export const sourceOcr: Migration = {
  version: 12,
  name: 'source-ocr',
  up: `ALTER TABLE sources ADD COLUMN ocr TEXT;`,
}
