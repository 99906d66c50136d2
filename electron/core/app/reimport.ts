import { basename } from 'node:path'
import { AppError } from '../errors'
import { nowIso } from '../ids'
import type { ProjectSession } from '../project/session'
import { assembleText } from '../sources/assemble'
import type { ExtractedDocument } from '../sources/extracted'
import { reanchorClaims, type ReanchorSummary } from './reanchor'
import { stmt } from './sql'

/** The new version's original file, kept so "open original" shows what the text now comes from. */
export interface NewVersionFile {
  fileName: string
  bytes: Uint8Array
  sha256: string
}

/**
 * Re-import of a new version of the same document: the source keeps its id, record and claims; its
 * text, paragraphs, note markers and search index are replaced and every claim is re-anchored, all in
 * one transaction, so a failure leaves the old version and its anchors exactly as they were.
 */
export function replaceSourceText(session: ProjectSession, sourceId: string, document: ExtractedDocument, file?: NewVersionFile): ReanchorSummary {
  const db = session.db
  if (!session.sources.exists(sourceId)) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
  const assembled = assembleText(document.blocks)
  if (!assembled.text.trim()) throw new AppError('EMPTY_FILE', `The new version${file ? ` “${basename(file.fileName)}”` : ''} has no readable text.`)
  if (file) {
    const other = session.sources.findByHash(file.sha256)
    if (other && other.id !== sourceId) throw new AppError('CONFLICT', `That file is already in the project as “${other.title}”.`)
  }
  return db.transaction(() => {
    const summary = reanchorClaims(db, sourceId, assembled.text, assembled.paragraphs)
    stmt(db, 'UPDATE sources SET format = ?, mime = ?, text = ?, paragraphs = ?, note_markers = ?, updated_at = ? WHERE id = ?').run(
      document.format,
      document.mime,
      assembled.text,
      JSON.stringify(assembled.paragraphs),
      JSON.stringify(assembled.noteMarkers),
      nowIso(),
      sourceId,
    )
    if (file) {
      stmt(db, 'UPDATE sources SET file_name = ?, sha256 = ?, byte_size = ? WHERE id = ?').run(file.fileName, file.sha256, file.bytes.byteLength, sourceId)
      stmt(db, 'UPDATE source_files SET data = ? WHERE source_id = ?').run(Buffer.from(file.bytes), sourceId)
    }
    stmt(db, 'DELETE FROM source_text_fts WHERE source_id = ?').run(sourceId)
    const index = stmt(db, 'INSERT INTO source_text_fts (text, source_id, paragraph) VALUES (?, ?, ?)')
    for (const paragraph of assembled.paragraphs) index.run(paragraph.text, sourceId, paragraph.number)
    return summary
  })()
}
