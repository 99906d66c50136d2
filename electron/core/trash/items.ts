import type Database from 'better-sqlite3'
import type { TrashEntry } from '../../shared/dto/trash'
import { storedClaimMeta, storedSourceMeta, type ClaimMeta, type SourceMeta } from '../../shared/stored'
import { attachOrphans } from '../claims/orphans'
import { refreshClaimSearch } from '../claims/fts'
import { QuestionRepository } from '../claims/questions'
import { ClaimRepository } from '../claims/repository'
import { TagRepository } from '../claims/tags'
import { column, command, idList, query } from '../db/statement'
import { AppError } from '../errors'
import type { SourceRepository } from '../sources/repository'
import { TrashStore } from './store'

/** What a trashed source needs to come back as it was. */
function count(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

function short(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length > 140 ? `${clean.slice(0, 139)}…` : clean
}

/** Moving to the Trash and back, one function per kind, each inside one transaction of its caller. */
export class TrashItems {
  readonly store: TrashStore

  constructor(
    private readonly db: Database.Database,
    private readonly sources: SourceRepository,
  ) {
    this.store = new TrashStore(db)
  }

  /** The source with its original file; its claims stay in the library, orphaned, until it comes back. */
  trashSource(id: string): number {
    const row = query<{ title: string; sha256: string; file_name: string; byte_size: number }>(this.db, 'SELECT title, sha256, file_name, byte_size FROM sources WHERE id = ?').get(id)
    return this.sources.remove(id, (sourceId, claims) => {
      const detail = `${count(claims.length, 'claim')} (kept in the library, orphaned, until it is restored) · ${row!.file_name}, ${size(row!.byte_size)}`
      this.store.put<SourceMeta>('source', 'sources', sourceId, { name: row!.title, detail, meta: { sha256: row!.sha256, claims } })
    })
  }

  trashClaim(id: string): boolean {
    const row = query<{ statement: string; source_id: string | null; source_title: string; sha256: string | null; orphaned_from: string | null }>(
      this.db,
      'SELECT c.statement, c.source_id, c.source_title, s.sha256, c.orphaned_from FROM claims c LEFT JOIN sources s ON s.id = c.source_id WHERE c.id = ?',
    ).get(id)
    return new ClaimRepository(this.db).delete(id, (claimId) => {
      const meta: ClaimMeta = { sourceId: row!.source_id, sourceTitle: row!.source_title, sha256: row!.sha256 ?? row!.orphaned_from }
      const from = row!.source_id ? `from “${row!.source_title}”` : `from “${row!.source_title}” (source removed)`
      this.store.put<ClaimMeta>('claim', 'claims', claimId, { name: short(row!.statement), detail: from, meta })
    })
  }

  trashTag(id: string, force: boolean): { deleted: boolean; claimCount: number } {
    return new TagRepository(this.db).delete(id, force, (tagId, { path, claimCount, subTags }) => {
      const detail = [`on ${count(claimCount, 'claim')}`, subTags ? `with ${count(subTags, 'sub-tag')}` : ''].filter(Boolean).join(', ')
      this.store.put('tag', 'tags', tagId, { name: path, detail, meta: {} })
    })
  }

  trashQuestion(id: string, force: boolean): { deleted: boolean; claimCount: number } {
    return new QuestionRepository(this.db).delete(id, force, (questionId, { text, claimCount }) => {
      this.store.put('question', 'questions', questionId, { name: text, detail: `stances of ${count(claimCount, 'claim')}`, meta: {} })
    })
  }

  /** Puts one stored item back, or throws with what stands in the way (the caller's transaction then rolls back). */
  restore(entry: TrashEntry): void {
    if (entry.kind === 'source') this.restoreSource(entry)
    else if (entry.kind === 'claim') this.restoreClaim(entry)
    else this.restoreRowsOf(entry)
  }

  private restoreSource(entry: TrashEntry): void {
    const meta = this.store.get(entry.id, storedSourceMeta)!.meta
    const live = this.sources.findByHash(meta.sha256)
    if (live) throw new AppError('CONFLICT', `“${entry.name}” cannot be restored: the same file is in the project again as “${live.title}”.`)
    this.restoreRowsOf(entry)
    this.sources.reindexText(entry.itemId)
    // Claims of an older copy of these bytes, orphaned when that one was emptied from the Trash, join too.
    attachOrphans(this.db, entry.itemId, meta.sha256)
    const setStatus = command(this.db, 'UPDATE claims SET status = ?, orphaned_from = NULL WHERE id = ? AND source_id = ?')
    for (const claim of meta.claims) setStatus.run(claim.status, claim.id, entry.itemId)
  }

  /** The Trash id of a trashed claim's source when that is in the Trash too. */
  trashedSourceOf(entry: TrashEntry): string | undefined {
    const sourceId = this.store.get(entry.id, storedClaimMeta)?.meta.sourceId
    if (!sourceId || this.sources.exists(sourceId)) return undefined
    return this.store.findItem('source', sourceId)?.id
  }

  private restoreClaim(entry: TrashEntry): void {
    const meta = this.store.get(entry.id, storedClaimMeta)!.meta
    if (this.trashedSourceOf(entry)) {
      throw new AppError(
        'CONFLICT',
        `The claim “${entry.name}” comes from “${meta.sourceTitle}”, which is in the Trash too. Restore both together (select both), or restore the source first.`,
      )
    }
    this.restoreRowsOf(entry)
    const sourceId = column<string | null>(this.db, 'SELECT source_id FROM claims WHERE id = ?').get(entry.itemId)
    if (sourceId === null && meta.sha256) {
      // Its source was emptied from the Trash: orphaned, and remembered, like the claims that stayed.
      command(this.db, `UPDATE claims SET status = 'orphaned', orphaned_from = ? WHERE id = ?`).run(meta.sha256, entry.itemId)
      const again = this.sources.findByHash(meta.sha256)
      if (again) attachOrphans(this.db, again.id, meta.sha256)
    }
    refreshClaimSearch(this.db, [entry.itemId])
  }

  private restoreRowsOf(entry: TrashEntry): void {
    const claimIds = [
      ...this.store.rowsOf(entry.id, 'claim_tags').map((r) => String(r.claim_id)),
      ...this.store.rowsOf(entry.id, 'claim_stances').map((r) => String(r.claim_id)),
    ]
    try {
      this.store.restore(entry.id)
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new AppError('CONFLICT', `“${entry.name}” cannot be restored: a ${entry.kind} with the same name or file was added since. Rename or remove that one first.`)
      }
      throw error
    }
    const live = column<string>(this.db, 'SELECT id FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(idList(claimIds))
    refreshClaimSearch(this.db, live)
  }
}
