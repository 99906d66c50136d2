import type Database from 'better-sqlite3'
import type { Tag } from '../../shared/dto/claims'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import { claimsTaggedWith, refreshClaimSearch } from './fts'
import { TagTree } from './tag-tree'
import { column, command, query } from '../db/statement'

const TAG_GONE = 'That tag no longer exists: it may have been deleted or merged.'

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`
}

/** The theme hierarchy. Every change that alters a path re-indexes the claims under it, in the same transaction. */
export class TagRepository {
  constructor(private readonly db: Database.Database) {}

  list(): Tag[] {
    const tree = TagTree.load(this.db)
    const counts = this.counts()
    return tree.ordered().map((node) => ({ ...node, path: tree.path(node.id), claimCount: counts.get(node.id) ?? 0 }))
  }

  get(id: string): Tag {
    const tree = TagTree.load(this.db)
    const node = tree.byId.get(id)
    if (!node) throw new AppError('NOT_FOUND', TAG_GONE)
    const claimCount = column<number>(this.db, 'SELECT COUNT(*) FROM claim_tags WHERE tag_id = ?').get(id)!
    return { ...node, path: tree.path(id), claimCount }
  }

  create(name: string, parentId: string | null): Tag {
    const clean = checkName(name)
    if (parentId !== null) this.get(parentId)
    this.refuseSibling(clean, parentId, null)
    const id = newId()
    command(this.db, 'INSERT INTO tags (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)').run(id, clean, parentId, nowIso())
    return this.get(id)
  }

  rename(id: string, name: string): Tag {
    const tag = this.get(id)
    const clean = checkName(name)
    this.refuseSibling(clean, tag.parentId, id)
    this.rewrite(id, () => command(this.db, 'UPDATE tags SET name = ? WHERE id = ?').run(clean, id))
    return this.get(id)
  }

  move(id: string, parentId: string | null): Tag {
    const tag = this.get(id)
    if (parentId !== null) {
      this.get(parentId)
      if (TagTree.load(this.db).subtree(id).includes(parentId)) {
        throw new AppError('INVALID_INPUT', `“${tag.name}” cannot go inside itself or one of its own sub-tags.`)
      }
    }
    this.refuseSibling(tag.name, parentId, id)
    this.rewrite(id, () => command(this.db, 'UPDATE tags SET parent_id = ? WHERE id = ?').run(parentId, id))
    return this.get(id)
  }

  /** Claims of `from` get `into`; sub-tags move across (merging with a namesake there); `from` goes. */
  merge(fromId: string, intoId: string): Tag {
    const from = this.get(fromId)
    this.get(intoId)
    if (fromId === intoId) throw new AppError('INVALID_INPUT', 'Choose two different tags to merge.')
    const subtree = TagTree.load(this.db).subtree(fromId)
    if (subtree.includes(intoId)) throw new AppError('INVALID_INPUT', `“${from.name}” cannot be merged into one of its own sub-tags.`)
    const affected = claimsTaggedWith(this.db, subtree)
    this.db.transaction(() => {
      this.mergeNode(fromId, intoId)
      refreshClaimSearch(this.db, affected)
    })()
    return this.get(intoId)
  }

  /**
   * Refused while claims use the tag or its sub-tags, unless forced: then the claims stay, untagged.
   * `discard` takes the rows away (to the Trash), in this transaction.
   */
  delete(id: string, force: boolean, discard: (id: string, describe: { path: string; claimCount: number; subTags: number }) => void): { deleted: boolean; claimCount: number } {
    const tree = TagTree.load(this.db)
    if (!tree.byId.has(id)) return { deleted: false, claimCount: 0 }
    const subtree = tree.subtree(id)
    const affected = claimsTaggedWith(this.db, subtree)
    if (affected.length && !force) {
      const under = subtree.length > 1 ? ' (counting its sub-tags)' : ''
      throw new AppError(
        'IN_USE',
        `“${tree.path(id)}” is used by ${plural(affected.length, 'claim')}${under}. Delete it anyway to remove the tag from them; the claims themselves are kept.`,
      )
    }
    this.db.transaction(() => {
      // Sub-tags go with it (ON DELETE CASCADE), and so do their claim links.
      discard(id, { path: tree.path(id), claimCount: affected.length, subTags: subtree.length - 1 })
      refreshClaimSearch(this.db, affected)
    })()
    return { deleted: true, claimCount: affected.length }
  }

  private mergeNode(fromId: string, intoId: string): void {
    command(this.db, 'INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) SELECT claim_id, ? FROM claim_tags WHERE tag_id = ?').run(intoId, fromId)
    const children = query<{ id: string; name: string }>(this.db, 'SELECT id, name FROM tags WHERE parent_id = ?').all(fromId)
    for (const child of children) {
      const namesake = column<string>(this.db, 'SELECT id FROM tags WHERE parent_id = ? AND name = ? COLLATE NOCASE').get(intoId, child.name)
      if (namesake) this.mergeNode(child.id, namesake)
      else command(this.db, 'UPDATE tags SET parent_id = ? WHERE id = ?').run(intoId, child.id)
    }
    command(this.db, 'DELETE FROM tags WHERE id = ?').run(fromId)
  }

  private rewrite(id: string, change: () => void): void {
    const affected = claimsTaggedWith(this.db, TagTree.load(this.db).subtree(id))
    this.db.transaction(() => {
      change()
      refreshClaimSearch(this.db, affected)
    })()
  }

  private refuseSibling(name: string, parentId: string | null, exceptId: string | null): void {
    const clash = column<string>(
      this.db,
      `SELECT name FROM tags WHERE COALESCE(parent_id, '') = COALESCE(?, '') AND name = ? COLLATE NOCASE AND id IS NOT ?`,
    )
      
      .get(parentId, name, exceptId)
    if (clash !== undefined) throw new AppError('CONFLICT', `There is already a tag called “${clash}” here.`)
  }

  private counts(): Map<string, number> {
    const rows = query<{ id: string; n: number }>(this.db, 'SELECT tag_id AS id, COUNT(*) AS n FROM claim_tags GROUP BY tag_id').all()
    return new Map(rows.map((r) => [r.id, r.n]))
  }
}

function checkName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!clean) throw new AppError('INVALID_INPUT', 'A tag needs a name.')
  // " > " separates levels in a tag's path, so a name holding it would read as two levels.
  if (clean.includes('>')) throw new AppError('INVALID_INPUT', 'A tag name cannot contain “>”: it separates the levels of a tag’s path.')
  return clean
}
