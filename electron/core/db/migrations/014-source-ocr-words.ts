import type { Migration } from '../migration'

/**
 * Where each word OCR read sits on its scan, per page (in PDF user space, as tesseract's boxes mapped through the
 * picture's place on the page), so the Original view can lay the words over the scan as the page's text layer:
 * claims marked, find, and a selection there making a claim. One row a page, read one page at a time; gone with
 * its source (and into the Trash with it).
 */
export const sourceOcrWords: Migration = {
  version: 14,
  name: 'source-ocr-words',
  up: `CREATE TABLE source_ocr_words (
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    lines TEXT NOT NULL,
    PRIMARY KEY (source_id, page)
  ) WITHOUT ROWID;`,
}
