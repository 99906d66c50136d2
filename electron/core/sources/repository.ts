import type Database from 'better-sqlite3'
import type { CslItem } from '../../shared/dto/csl'
import type { FieldOrigin, RecordProvenance } from '../../shared/dto/provenance'
import type { ReferenceOnlySource } from './initial-record'
import type { SourceDetail, SourceFormat, SourceSummary, WebSnapshot } from '../../shared/dto/sources'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import { assembleText, type AssembledText } from './assemble'
import { authorList, displayTitle, issuedYear } from './csl'
import type { ExtractedDocument } from './extracted'
import { command, query } from '../db/statement'
import { readStored, sourceNamed } from '../db/stored'
import { storedCsl, storedNoteMarkers, storedOcrReading, storedParagraphs, storedProvenance } from '../../shared/stored'
import { ENTERED, initialRecord } from './initial-record'
import { storeOcrWords } from './ocr-words'
import { confirmGuesses, provenanceAfterWrite } from './provenance'
import { currentUpdates, UPDATES_COLUMN } from './updates'
import type { SourceUpdates } from '../../shared/dto/source-updates'

interface SourceRow {
  id: string
  format: SourceFormat
  mime: string
  file_name: string
  sha256: string
  byte_size: number
  csl: string
  title: string
  paragraphs?: string
  text?: string
  note_markers?: string
  provenance?: string
  ocr?: string | null
  imported_at: string
  reference_only: number
  updates: string | null
  claim_count: number
  paragraph_count: number
}

/** The new version's original file, kept so "open original" shows what the text now comes from. */
export interface NewVersionFile {
  fileName: string
  bytes: Uint8Array
  sha256: string
}

export interface NewSource {
  fileName: string
  bytes: Uint8Array
  sha256: string
  document: ExtractedDocument
  /** A record to use instead of the file's own metadata (starter corpus, reference import). */
  csl?: Partial<CslItem>
  /** For a page fetched from an address: where from, and when. */
  web?: WebSnapshot
  /** Where the fields of `csl` came from; a field of it without one counts as entered by the analyst. */
  provenance?: RecordProvenance
}

function toSummary(row: SourceRow): SourceSummary {
  const csl = readStored(storedCsl, row.csl, () => sourceNamed(row.title))
  return {
    id: row.id,
    title: row.title,
    authors: authorList(csl),
    year: issuedYear(csl),
    type: csl.type,
    format: row.format,
    fileName: row.file_name,
    paragraphCount: row.paragraph_count,
    claimCount: row.claim_count,
    importedAt: row.imported_at,
    referenceOnly: row.reference_only === 1,
    ...withUpdates(currentUpdates(row.updates, csl, row.title)),
  }
}

function withUpdates(updates: SourceUpdates | undefined): { updates?: SourceUpdates } {
  return updates ? { updates } : {}
}

const SUMMARY_COLUMNS = `s.id, s.format, s.mime, s.file_name, s.sha256, s.byte_size, s.csl, s.title, s.imported_at, s.reference_only,
  -- Damaged paragraphs count as none here, so the library still lists the source; opening it says what is wrong.
  iif(json_valid(s.paragraphs), json_array_length(s.paragraphs), 0) AS paragraph_count,
  (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id) AS claim_count,
  ${UPDATES_COLUMN}`

export class SourceRepository {
  constructor(private readonly db: Database.Database) {}

  /** Several writes as one: a reference file's import stores all its entries or none. */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  list(): SourceSummary[] {
    const rows = query<SourceRow>(this.db, `SELECT ${SUMMARY_COLUMNS} FROM sources s ORDER BY s.imported_at, s.rowid`).all()
    return rows.map(toSummary)
  }

  get(id: string): SourceDetail {
    const row = query<SourceRow>(this.db, `SELECT ${SUMMARY_COLUMNS}, s.text, s.paragraphs, s.note_markers, s.provenance, s.ocr FROM sources s WHERE s.id = ?`)
      .get(id)
    if (!row) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    const web = query<{ address: string; final_url: string; fetched_at: string }>(this.db, 'SELECT address, final_url, fetched_at FROM source_web WHERE source_id = ?').get(id)
    return {
      ...toSummary(row),
      csl: readStored(storedCsl, row.csl, () => sourceNamed(row.title)),
      provenance: readStored(storedProvenance, row.provenance!, () => `${sourceNamed(row.title)}'s field provenance`),
      text: row.text!,
      paragraphs: readStored(storedParagraphs, row.paragraphs!, () => sourceNamed(row.title)),
      noteMarkers: readStored(storedNoteMarkers, row.note_markers!, () => sourceNamed(row.title)),
      sha256: row.sha256,
      byteSize: row.byte_size,
      mime: row.mime,
      ...(web ? { web: { address: web.address, finalUrl: web.final_url, fetchedAt: web.fetched_at } } : {}),
      ...(row.ocr ? { ocr: readStored(storedOcrReading, row.ocr, () => `${sourceNamed(row.title)}'s OCR reading`) } : {}),
    }
  }

  /** A new fetch of the page (Check sources, taking the new version) moves the snapshot's address and time. */
  setWebSnapshot(id: string, web: WebSnapshot): void {
    command(this.db, `INSERT INTO source_web (source_id, address, final_url, fetched_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (source_id) DO UPDATE SET address = excluded.address, final_url = excluded.final_url, fetched_at = excluded.fetched_at`)
      .run(id, web.address, web.finalUrl, web.fetchedAt)
  }

  exists(id: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id))
  }

  findByHash(sha256: string): { id: string; title: string } | undefined {
    return query<{ id: string; title: string }>(this.db, 'SELECT id, title FROM sources WHERE sha256 = ?').get(sha256)
  }

  /** Inserts a source with its original bytes and search index in one transaction; `within` joins that transaction. */
  insert(input: NewSource, within?: (id: string) => void): { id: string; title: string } {
    const id = newId()
    const assembled = assembleText(input.document.blocks, input.document.markersFromLayout)
    if (!assembled.text.trim()) throw new AppError('EMPTY_FILE', `“${input.fileName}” has no readable text.`)
    const { csl, provenance } = initialRecord(id, input)
    const title = displayTitle(csl, input.fileName)
    const now = nowIso()
    this.db.transaction(() => {
      command(this.db, `INSERT INTO sources (id, format, mime, file_name, sha256, byte_size, csl, provenance, title, text, paragraphs, note_markers, ocr, imported_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,)
        .run(
          id,
          input.document.format,
          input.document.mime,
          input.fileName,
          input.sha256,
          input.bytes.byteLength,
          JSON.stringify(csl),
          JSON.stringify(provenance),
          title,
          assembled.text,
          JSON.stringify(assembled.paragraphs),
          JSON.stringify(assembled.noteMarkers),
          input.document.ocr ? JSON.stringify(input.document.ocr) : null,
          now,
          now,
        )
      command(this.db, 'INSERT INTO source_files (source_id, data) VALUES (?, ?)').run(id, Buffer.from(input.bytes))
      if (input.web) this.setWebSnapshot(id, input.web)
      storeOcrWords(this.db, id, input.document)
      this.indexParagraphs(id, assembled.paragraphs)
      within?.(id)
    })()
    return { id, title }
  }

  /**
   * A source known only by its record (from a reference file): no text and no file yet, until its full text is
   * attached as a new version. Its sha256 column holds a marker no file can hash to.
   */
  insertReferenceOnly(input: ReferenceOnlySource): { id: string; title: string } {
    const id = newId()
    const csl: CslItem = { ...input.csl, id }
    const title = displayTitle(csl, input.fileName)
    const now = nowIso()
    command(this.db, `INSERT INTO sources (id, format, mime, file_name, sha256, byte_size, csl, provenance, title, text, paragraphs, note_markers, imported_at, updated_at, reference_only)
         VALUES (?, 'txt', '', ?, ?, 0, ?, ?, ?, '', '[]', '[]', ?, ?, 1)`).run(id, input.fileName, `reference:${id}`, JSON.stringify(csl), JSON.stringify(input.provenance), title, now, now)
    return { id, title }
  }

  /** A new version's text in place of the old one; the id, record and claims stay (re-anchoring them is the caller's). */
  replaceText(id: string, document: ExtractedDocument, assembled: AssembledText, file?: NewVersionFile): void {
    this.db.transaction(() => {
      command(this.db, 'UPDATE sources SET format = ?, mime = ?, text = ?, paragraphs = ?, note_markers = ?, ocr = ?, updated_at = ? WHERE id = ?')
        .run(document.format, document.mime, assembled.text, JSON.stringify(assembled.paragraphs), JSON.stringify(assembled.noteMarkers), document.ocr ? JSON.stringify(document.ocr) : null, nowIso(), id)
      if (file) {
        command(this.db, 'UPDATE sources SET file_name = ?, sha256 = ?, byte_size = ? WHERE id = ?').run(file.fileName, file.sha256, file.bytes.byteLength, id)
        // A reference-only source has no file row yet: its first full text brings one.
        command(this.db, 'INSERT INTO source_files (source_id, data) VALUES (?, ?) ON CONFLICT (source_id) DO UPDATE SET data = excluded.data').run(id, Buffer.from(file.bytes))
        command(this.db, 'UPDATE sources SET reference_only = 0 WHERE id = ?').run(id)
      }
      storeOcrWords(this.db, id, document)
      command(this.db, 'DELETE FROM source_text_fts WHERE source_id = ?').run(id)
      this.indexParagraphs(id, assembled.paragraphs)
    })()
  }

  /**
   * Writes a record and where its fields came from (see provenanceAfterWrite): fields named in `origins` take
   * that origin, other changed fields `changed`. Returns the title the record gives the source; the claims
   * that carry it are the caller's to update.
   */
  updateRecord(id: string, csl: CslItem, origins: Partial<Record<string, FieldOrigin>> = {}, changed: FieldOrigin = ENTERED): string {
    const row = query<{ file_name: string; title: string; csl: string; provenance: string }>(this.db, 'SELECT file_name, title, csl, provenance FROM sources WHERE id = ?').get(id)
    if (!row) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    const before = readStored(storedCsl, row.csl, () => sourceNamed(row.title))
    const old = readStored(storedProvenance, row.provenance, () => `${sourceNamed(row.title)}'s field provenance`)
    const record: CslItem = { ...csl, id }
    const provenance = provenanceAfterWrite(before, record, old, origins, changed)
    const title = displayTitle(record, row.file_name)
    this.db.transaction(() => {
      command(this.db, 'UPDATE sources SET csl = ?, provenance = ?, title = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(record), JSON.stringify(provenance), title, nowIso(), id)
    })()
    return title
  }

  /** The analyst says these guessed fields are right as they stand; they are no longer marked. */
  confirmFields(id: string, fields: string[]): void {
    const row = query<{ title: string; provenance: string }>(this.db, 'SELECT title, provenance FROM sources WHERE id = ?').get(id)
    if (!row) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    const old = readStored(storedProvenance, row.provenance, () => `${sourceNamed(row.title)}'s field provenance`)
    const now = nowIso()
    command(this.db, 'UPDATE sources SET provenance = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(confirmGuesses(old, fields, now)), now, id)
  }

  claimCount(id: string): number {
    return (query<{ n: number }>(this.db, 'SELECT COUNT(*) AS n FROM claims WHERE source_id = ?').get(id)!).n
  }

  /**
   * Removes a source; its claims stay, marked orphaned, with the source title kept as a snapshot and the
   * file's sha256 remembered (`orphaned_from`), so the same bytes imported again take them back. `discard`
   * takes the source's rows away (to the Trash) in this transaction, after the claims' statuses were read.
   */
  remove(id: string, discard: (id: string, claims: { id: string; status: string }[]) => void): number {
    if (!this.exists(id)) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    let orphaned = 0
    this.db.transaction(() => {
      const claims = query<{ id: string; status: string }>(this.db, 'SELECT id, status FROM claims WHERE source_id = ?').all(id)
      orphaned = command(this.db, `UPDATE claims SET status = 'orphaned', orphaned_from = (SELECT sha256 FROM sources WHERE id = ?), updated_at = ? WHERE source_id = ?`)
        .run(id, nowIso(), id).changes
      command(this.db, 'DELETE FROM source_text_fts WHERE source_id = ?').run(id)
      discard(id, claims)
    })()
    return orphaned
  }

  /** Rebuilds a source's search rows from its stored paragraphs (after it comes back from the Trash). */
  reindexText(id: string): void {
    const row = query<{ title: string; paragraphs: string }>(this.db, 'SELECT title, paragraphs FROM sources WHERE id = ?').get(id)
    if (!row) return
    command(this.db, 'DELETE FROM source_text_fts WHERE source_id = ?').run(id)
    this.indexParagraphs(id, readStored(storedParagraphs, row.paragraphs, () => sourceNamed(row.title)))
  }

  private indexParagraphs(id: string, paragraphs: readonly { text: string; number: number }[]): void {
    const index = command(this.db, 'INSERT INTO source_text_fts (text, source_id, paragraph) VALUES (?, ?, ?)')
    for (const paragraph of paragraphs) index.run(paragraph.text, id, paragraph.number)
  }

  original(id: string): { fileName: string; mime: string; sha256: string; data: Buffer } {
    const row = query<{ file_name: string; mime: string; sha256: string; data: Buffer }>(this.db, 'SELECT s.file_name, s.mime, s.sha256, f.data FROM sources s JOIN source_files f ON f.source_id = s.id WHERE s.id = ?').get(id)
    if (!row) {
      if (this.isReferenceOnly(id)) throw new AppError('NOT_FOUND', 'This source is a reference only: it has no original file until you attach its full text (Source › New version…).')
      throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    }
    return { fileName: row.file_name, mime: row.mime, sha256: row.sha256, data: row.data }
  }

  /** A piece of the original file, read by SQLite from the stored blob: the whole file is never loaded for it. */
  originalRange(id: string, offset: number, length: number): { fileName: string; mime: string; size: number; offset: number; data: Buffer } {
    const row = query<{ file_name: string; mime: string; size: number; data: Buffer | null }>(
      this.db,
      // substr on a blob counts bytes from 1; a start past the end gives an empty blob.
      'SELECT s.file_name, s.mime, length(f.data) AS size, substr(f.data, ? + 1, ?) AS data FROM sources s JOIN source_files f ON f.source_id = s.id WHERE s.id = ?',
    ).get(offset, length, id)
    if (!row) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
    if (offset > row.size) throw new AppError('INVALID_INPUT', `The original of this source has ${row.size} bytes; nothing starts at byte ${offset}.`)
    return { fileName: row.file_name, mime: row.mime, size: row.size, offset, data: row.data ?? Buffer.alloc(0) }
  }

  isReferenceOnly(id: string): boolean {
    return Boolean(query<{ r: number }>(this.db, 'SELECT 1 AS r FROM sources WHERE id = ? AND reference_only = 1').get(id))
  }

  /** Every record with its source id, for matching a reference file's entries to the sources they describe. */
  allRecords(): CslItem[] {
    return query<{ title: string; csl: string }>(this.db, 'SELECT title, csl FROM sources')
      .all()
      .map((r) => readStored(storedCsl, r.csl, () => sourceNamed(r.title)))
  }
}
