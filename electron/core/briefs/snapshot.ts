import type Database from 'better-sqlite3'
import type { CitationSnapshot } from '../../shared/dto/brief-nodes'
import { AppError } from '../errors'
import { shortCitation } from '../sources/csl'
import { idList, query } from '../db/statement'
import { claimNamed, readStored, sourceNamed } from '../db/stored'
import { storedAnchor, storedCsl } from '../../shared/stored'

/** A claim row with its source's record, as the snapshot query reads it. */
export interface SnapshotRow {
  id: string
  statement: string
  quote: string
  anchor: string
  source_id: string | null
  source_title: string
  csl: string | null
  whole_work: number
}

export const SNAPSHOT_SELECT =
  'SELECT c.id, c.statement, c.quote, c.anchor, c.source_id, c.source_title, s.csl, c.whole_work FROM claims c LEFT JOIN sources s ON s.id = c.source_id'

/** What a citation node keeps of its claim, so the brief survives the claim's deletion. */
export function snapshotOf(row: SnapshotRow): CitationSnapshot {
  const anchor = readStored(storedAnchor, row.anchor, () => claimNamed(row.statement))
  const snapshot: CitationSnapshot = {
    claimId: row.id,
    statement: row.statement,
    quote: row.quote,
    sourceId: row.source_id,
    sourceTitle: row.source_title,
    shortCitation: row.csl ? shortCitation(readStored(storedCsl, row.csl, () => sourceNamed(row.source_title))) : row.source_title,
    paragraph: anchor.paragraph,
  }
  if (anchor.page) snapshot.page = anchor.page
  if (row.whole_work === 1) snapshot.wholeWork = true
  return snapshot
}

export function loadSnapshot(db: Database.Database, where: 'c.id = ?' | 'c.quote = ?', value: string): CitationSnapshot | null {
  const row = query<SnapshotRow>(db, `${SNAPSHOT_SELECT} WHERE ${where} LIMIT 1`).get(value)
  return row ? snapshotOf(row) : null
}

/**
 * Snapshots of these claims in the order asked for (repeats included), for the editor to cite. All or
 * nothing: a cluster with a claim gone from the project is refused whole, so nothing is half-inserted.
 */
export function loadSnapshots(db: Database.Database, ids: readonly string[]): CitationSnapshot[] {
  const unique = [...new Set(ids)]
  const rows = query<SnapshotRow>(db, `${SNAPSHOT_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(idList(unique))
  const byId = new Map(rows.map((row) => [row.id, snapshotOf(row)]))
  const missing = unique.filter((id) => !byId.has(id)).length
  if (missing === 1 && unique.length === 1) throw new AppError('NOT_FOUND', 'That claim is no longer in this project, so it was not cited.')
  if (missing) {
    const of = missing === unique.length ? `None of these ${unique.length} claims is` : `${missing} of these ${unique.length} claims are`
    throw new AppError('NOT_FOUND', `${of} in this project any more, so none was cited.`)
  }
  return ids.map((id) => ({ ...byId.get(id)! }))
}
