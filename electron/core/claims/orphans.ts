import type Database from 'better-sqlite3'
import { column, command, idList, query } from '../db/statement'
import { readStored, sourceNamed } from '../db/stored'
import { storedParagraphs } from '../../shared/stored'
import { refreshClaimSearch } from './fts'
import { reanchorClaims } from './reanchor'

/**
 * Claims orphaned when a file with these bytes was removed (and the Trash emptied) belong to this source
 * again: linked to it and re-anchored against its text, which a newer importer may have read a little
 * differently. A quote no longer found stays orphaned, now on this source, for the analyst to reattach.
 * Returns how many came back. Call inside the transaction that stored the source.
 */
export function attachOrphans(db: Database.Database, sourceId: string, sha256: string): number {
  const ids = column<string>(db, 'SELECT id FROM claims WHERE source_id IS NULL AND orphaned_from = ?').all(sha256)
  if (!ids.length) return 0
  const source = query<{ title: string; text: string; paragraphs: string }>(db, 'SELECT title, text, paragraphs FROM sources WHERE id = ?').get(sourceId)
  if (!source) return 0
  command(db, 'UPDATE claims SET source_id = ?, source_title = ?, orphaned_from = NULL WHERE id IN (SELECT value FROM json_each(?))').run(sourceId, source.title, idList(ids))
  reanchorClaims(db, sourceId, source.text, readStored(storedParagraphs, source.paragraphs, () => sourceNamed(source.title)))
  refreshClaimSearch(db, ids)
  return ids.length
}
