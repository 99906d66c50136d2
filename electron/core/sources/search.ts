import type Database from 'better-sqlite3'
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SourceSearchHit } from '../../shared/dto/sources'
import { query } from '../db/statement'
import { toFtsQuery } from '../search/fts-query'

/** Full-text search over every paragraph of every source, best matches first. */
export function searchSources(db: Database.Database, text: string, limit: number): SourceSearchHit[] {
  const match = toFtsQuery(text)
  if (!match) return []
  return query<SourceSearchHit>(
    db,
    `SELECT f.source_id AS sourceId, s.title AS sourceTitle, f.paragraph AS paragraphNumber,
            snippet(source_text_fts, 0, ?, ?, '…', 24) AS snippet
     FROM source_text_fts f JOIN sources s ON s.id = f.source_id
     WHERE source_text_fts MATCH ?
     ORDER BY rank LIMIT ?`,
  ).all(SNIPPET_OPEN, SNIPPET_CLOSE, match, limit)
}
