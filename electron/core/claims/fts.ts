import type Database from 'better-sqlite3'
import { TagTree } from './tag-tree'
import { column, command, idList, query } from '../db/statement'

/** What claims_fts holds for one claim; its rowid is the claims row's rowid. */
export interface ClaimSearchFields {
  statement: string
  quote: string
  note: string
  tags: string
  sourceTitle: string
}

export function tagsText(tree: TagTree, tagIds: readonly string[]): string {
  return tagIds.map((id) => tree.path(id)).join('; ')
}

export function writeClaimSearch(db: Database.Database, rowid: number, fields: ClaimSearchFields): void {
  command(db, 'DELETE FROM claims_fts WHERE rowid = ?').run(rowid)
  command(db, 'INSERT INTO claims_fts (rowid, statement, quote, note, tags, source_title) VALUES (?, ?, ?, ?, ?, ?)').run(
    rowid,
    fields.statement,
    fields.quote,
    fields.note,
    fields.tags,
    fields.sourceTitle,
  )
}

export function removeClaimSearch(db: Database.Database, rowid: number): void {
  command(db, 'DELETE FROM claims_fts WHERE rowid = ?').run(rowid)
}

/**
 * Rewrites the index rows of these claims from the tables: after a tag is renamed, moved or merged
 * every claim under it carries a new path. Call inside the transaction that made the change.
 */
export function refreshClaimSearch(db: Database.Database, claimIds: readonly string[]): void {
  if (!claimIds.length) return
  const tree = TagTree.load(db)
  const ids = idList(claimIds)
  const rows = query<{ rowid: number; id: string; statement: string; quote: string; note: string; sourceTitle: string }>(
    db,
    `SELECT rowid, id, statement, quote, note, source_title AS sourceTitle FROM claims WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(ids)
  const tagRows = query<{ claimId: string; tagId: string }>(db, 'SELECT claim_id AS claimId, tag_id AS tagId FROM claim_tags WHERE claim_id IN (SELECT value FROM json_each(?))').all(
    ids,
  )
  const tagsOf = new Map<string, string[]>()
  for (const { claimId, tagId } of tagRows) tagsOf.set(claimId, [...(tagsOf.get(claimId) ?? []), tagId])
  for (const row of rows) writeClaimSearch(db, row.rowid, { ...row, tags: tagsText(tree, tagsOf.get(row.id) ?? []) })
}

/** Claims tagged with any tag in the list (a tag's subtree, usually). */
export function claimsTaggedWith(db: Database.Database, tagIds: readonly string[]): string[] {
  if (!tagIds.length) return []
  return column<string>(db, 'SELECT DISTINCT claim_id FROM claim_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
    
    .all(idList(tagIds))
}

/**
 * Claims carry their source's title (shown, searched, and kept if the source is removed): when a record
 * changes the title, every claim of that source and its search row follow. Call inside that transaction.
 */
export function followSourceTitle(db: Database.Database, sourceId: string, title: string): void {
  command(db, 'UPDATE claims SET source_title = ? WHERE source_id = ?').run(title, sourceId)
  const ids = column<string>(db, 'SELECT id FROM claims WHERE source_id = ?').all(sourceId)
  refreshClaimSearch(db, ids)
}
