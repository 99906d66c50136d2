import type Database from 'better-sqlite3'
import type { CitationSnapshot } from '../../shared/dto/brief-nodes'
import type { ClaimAnchor } from '../../shared/dto/claims'
import type { CslItem } from '../../shared/dto/csl'
import { shortCitation } from '../sources/csl'

/** A claim row with its source's record, as the snapshot query reads it. */
export interface SnapshotRow {
  id: string
  statement: string
  quote: string
  anchor: string
  source_id: string | null
  source_title: string
  csl: string | null
}

export const SNAPSHOT_SELECT =
  'SELECT c.id, c.statement, c.quote, c.anchor, c.source_id, c.source_title, s.csl FROM claims c LEFT JOIN sources s ON s.id = c.source_id'

/** What a citation node keeps of its claim, so the brief survives the claim's deletion. */
export function snapshotOf(row: SnapshotRow): CitationSnapshot {
  const anchor = JSON.parse(row.anchor) as ClaimAnchor
  const snapshot: CitationSnapshot = {
    claimId: row.id,
    statement: row.statement,
    quote: row.quote,
    sourceId: row.source_id,
    sourceTitle: row.source_title,
    shortCitation: row.csl ? shortCitation(JSON.parse(row.csl) as CslItem) : row.source_title,
    paragraph: anchor.paragraph,
  }
  if (anchor.page) snapshot.page = anchor.page
  return snapshot
}

export function loadSnapshot(db: Database.Database, where: 'c.id = ?' | 'c.quote = ?', value: string): CitationSnapshot | null {
  const row = db.prepare(`${SNAPSHOT_SELECT} WHERE ${where} LIMIT 1`).get(value) as SnapshotRow | undefined
  return row ? snapshotOf(row) : null
}
