import type Database from 'better-sqlite3'
import type { TrashEntry, TrashRestoreResult } from '../../shared/dto/trash'
import { BriefRepository } from '../briefs/repository'
import { AppError } from '../errors'
import type { SourceRepository } from '../sources/repository'
import { TrashItems } from './items'

/** Sources first, so a claim restored in the same request finds its source back. */
const RESTORE_ORDER: Record<TrashEntry['kind'], number> = { source: 0, tag: 1, question: 1, claim: 2, brief: 3 }

/**
 * The Trash as the analyst sees it: every deleted source, claim, brief, tag and question, newest first.
 * Restore and delete forever are all-or-nothing over the ids given; emptying is the one step that asks first
 * (in the UI) and cannot be undone.
 */
export class Trash {
  readonly items: TrashItems
  private readonly briefs: BriefRepository

  constructor(
    private readonly db: Database.Database,
    sources: SourceRepository,
  ) {
    this.items = new TrashItems(db, sources)
    this.briefs = new BriefRepository(db)
  }

  list(): TrashEntry[] {
    const briefs: TrashEntry[] = this.briefs.trashed().map((b) => ({
      id: b.id,
      kind: 'brief',
      itemId: b.id,
      name: b.title,
      detail: `${b.citationCount.toLocaleString('en-GB')} citation${b.citationCount === 1 ? '' : 's'}, with its history`,
      trashedAt: b.deletedAt,
    }))
    const stored = this.items.store.list().map((entry) => {
      const needs = entry.kind === 'claim' ? this.sourceNeededBy(entry) : undefined
      return needs ? { ...entry, needs } : entry
    })
    return [...stored, ...briefs].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))
  }

  /** A claim whose record in the Trash is damaged is still listed (it can be deleted for good); restoring it says why it cannot. */
  private sourceNeededBy(entry: TrashEntry): string | undefined {
    try {
      return this.items.trashedSourceOf(entry)
    } catch (error) {
      if (error instanceof AppError && error.code === 'CORRUPT_FILE') return undefined
      throw error
    }
  }

  restore(ids: readonly string[]): TrashRestoreResult {
    const entries = this.find(ids).sort((a, b) => RESTORE_ORDER[a.kind] - RESTORE_ORDER[b.kind])
    this.db.transaction(() => {
      for (const entry of entries) {
        if (entry.kind === 'brief') this.briefs.undelete(entry.id)
        else this.items.restore(entry)
      }
    })()
    return { restored: entries }
  }

  purge(ids: readonly string[]): { purged: number } {
    const entries = this.find(ids)
    this.db.transaction(() => {
      for (const entry of entries) {
        if (entry.kind === 'brief') this.briefs.purge(entry.id)
        else this.items.store.purge(entry.id)
      }
    })()
    return { purged: entries.length }
  }

  empty(): { purged: number } {
    return this.db.transaction(() => {
      let purged = this.items.store.purgeAll()
      for (const brief of this.briefs.trashed()) if (this.briefs.purge(brief.id)) purged++
      return { purged }
    })()
  }

  /** The trashed source holding these bytes, to restore instead of importing a copy. */
  findSourceWithBytes(sha256: string): TrashEntry | undefined {
    return this.items.store.findSourceByHash(sha256)
  }

  /** Is this claim in the Trash (for the export check to say so)? */
  hasClaim(claimId: string): boolean {
    return this.items.store.findItem('claim', claimId) !== undefined
  }

  /** Every id must be in the Trash: an unknown one refuses the whole request, naming how many were not found. */
  private find(ids: readonly string[]): TrashEntry[] {
    const byId = new Map(this.list().map((entry) => [entry.id, entry]))
    const unique = [...new Set(ids)]
    const missing = unique.filter((id) => !byId.has(id))
    if (missing.length) {
      throw new AppError(
        'NOT_FOUND',
        missing.length === 1 ? 'That item is no longer in the Trash.' : `${missing.length.toLocaleString('en-GB')} of these items are no longer in the Trash.`,
      )
    }
    return unique.map((id) => byId.get(id)!)
  }
}
