import type Database from 'better-sqlite3'
import { z } from 'zod'
import type { CslItem } from '../../shared/dto/csl'
import type { SourceNotice, SourceUpdates } from '../../shared/dto/source-updates'
import { storedNotices } from '../../shared/stored'
import { command, query } from '../db/statement'
import { readStored } from '../db/stored'

interface UpdatesRow {
  source_id: string
  doi: string
  checked_at: string
  notices: string
}

function toUpdates(row: UpdatesRow): SourceUpdates {
  return { doi: row.doi, checkedAt: row.checked_at, notices: readStored(storedNotices, row.notices, () => `the notices found for a source's DOI ${row.doi}`) }
}

/** The last successful Check sources answer per source (table source_updates), the one place that writes it. */
export class SourceUpdatesRepository {
  constructor(private readonly db: Database.Database) {}

  save(sourceId: string, doi: string, checkedAt: string, notices: SourceNotice[]): void {
    command(this.db, `INSERT INTO source_updates (source_id, doi, checked_at, notices) VALUES (?, ?, ?, ?)
      ON CONFLICT (source_id) DO UPDATE SET doi = excluded.doi, checked_at = excluded.checked_at, notices = excluded.notices`)
      .run(sourceId, doi, checkedAt, JSON.stringify(notices))
  }

  /** The stored answers for these sources; a source never checked (or whose DOI changed since) has none. */
  forSources(ids: readonly string[]): Map<string, SourceUpdates> {
    if (!ids.length) return new Map()
    const rows = query<UpdatesRow>(this.db, 'SELECT u.source_id, u.doi, u.checked_at, u.notices FROM source_updates u WHERE u.source_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(ids)]))
    return new Map(rows.map((row) => [row.source_id, toUpdates(row)]))
  }
}

/** The SQL for a source's stored answer as one JSON value, for queries over `sources s`. */
export const UPDATES_COLUMN = `(SELECT json_object('doi', u.doi, 'checkedAt', u.checked_at, 'notices', json(u.notices)) FROM source_updates u WHERE u.source_id = s.id) AS updates`

const storedUpdates = z.object({ doi: z.string(), checkedAt: z.string(), notices: storedNotices })

/** The stored answer, if it was about the DOI the record has now (an answer about an earlier DOI says nothing). */
export function currentUpdates(json: string | null | undefined, csl: CslItem, title: string): SourceUpdates | undefined {
  if (!json) return undefined
  const updates = readStored(storedUpdates, json, () => `the notices found for source “${title}”`)
  const doi = typeof csl.DOI === 'string' ? csl.DOI.trim().toLowerCase() : ''
  return updates.doi.toLowerCase() === doi ? updates : undefined
}
