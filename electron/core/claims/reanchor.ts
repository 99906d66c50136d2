import type Database from 'better-sqlite3'
import type { ClaimAnchor } from '../../shared/dto/claims'
import type { Paragraph } from '../../shared/dto/sources'
import { nowIso } from '../ids'
import { buildAnchor } from './anchor'
import { refreshClaimSearch } from './fts'
import { relocate, type Relocation } from './relocate'
import { column, command, query } from '../db/statement'
import { claimNamed, readStored } from '../db/stored'
import { storedAnchor } from '../../shared/stored'

export { relocate, type Relocation } from './relocate'

export interface ReanchorSummary {
  /** Still at the same words (possibly shifted). */
  anchored: number
  /** Found again only approximately: the quote now reads as the new text does. */
  fuzzy: number
  /** Gone from the new text: kept, marked orphaned, with their old anchor for the analyst to reattach. */
  orphaned: number
  orphanedIds: string[]
}

interface ClaimAnchorRow {
  id: string
  statement: string
  quote: string
  anchor: string
  status: string
}

/** Lengths of the common start and common end of two texts: an edit usually leaves both intact. */
function unchangedEnds(before: string, after: string): { head: number; tail: number } {
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++
  let tail = 0
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  return { head, tail }
}

/**
 * Moves every claim on a source onto the source's new text. Call inside the transaction that stores
 * the new text, before it is stored (the old text lets claims outside the edited region move by
 * arithmetic alone); it still works, more slowly, if the new text is already stored.
 */
export function reanchorClaims(db: Database.Database, sourceId: string, newText: string, newParagraphs: Paragraph[]): ReanchorSummary {
  const oldText = (column<string>(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId)) ?? ''
  const { head, tail } = unchangedEnds(oldText, newText)
  const shift = newText.length - oldText.length
  const rows = query<ClaimAnchorRow>(db, 'SELECT id, statement, quote, anchor, status FROM claims WHERE source_id = ?').all(sourceId)
  const summary: ReanchorSummary = { anchored: 0, fuzzy: 0, orphaned: 0, orphanedIds: [] }
  const requote: string[] = []
  const now = nowIso()
  for (const row of rows) {
    const old = readStored(storedAnchor, row.anchor, () => claimNamed(row.statement))
    const found = shifted(old, newText, head, oldText.length - tail, shift) ?? relocate(hinted(old, oldText.length - tail, shift), newText)
    if (!found) {
      summary.orphaned++
      summary.orphanedIds.push(row.id)
      if (row.status !== 'orphaned') command(db, `UPDATE claims SET status = 'orphaned', updated_at = ? WHERE id = ?`).run(now, row.id)
      continue
    }
    const { start, end } = trimmed(newText, found)
    const anchor = buildAnchor(newText, newParagraphs, start, end)
    if (found.method === 'fuzzy') summary.fuzzy++
    else summary.anchored++
    const quoteChanged = anchor.exact !== row.quote
    if (!quoteChanged && row.status === 'anchored' && sameAnchor(old, anchor)) continue
    // The quote must stay verbatim from the source, so an edited passage changes the quote too; a
    // statement that was only the quote follows it, one the analyst wrote is theirs and stays.
    const statement = row.statement === row.quote ? anchor.exact : row.statement
    command(db, `UPDATE claims SET quote = ?, statement = ?, anchor = ?, status = 'anchored', updated_at = ? WHERE id = ?`).run(
      anchor.exact,
      statement,
      JSON.stringify(anchor),
      now,
      row.id,
    )
    if (quoteChanged) requote.push(row.id)
  }
  refreshClaimSearch(db, requote)
  return summary
}

/** Claims wholly before or after the edited region keep their words: just move them by the length change. */
function shifted(old: ClaimAnchor, text: string, head: number, oldTailStart: number, shift: number): Relocation | null {
  let start: number
  if (old.end <= head) start = old.start
  else if (old.start >= oldTailStart) start = old.start + shift
  else return null
  const end = start + old.exact.length
  return text.slice(start, end) === old.exact ? { start, end, score: 1, method: 'exact' } : null
}

/** The old position mapped through the edit, so "nearest the old position" means nearest where it would now be. */
function hinted(old: ClaimAnchor, oldTailStart: number, shift: number): ClaimAnchor {
  return old.start >= oldTailStart ? { ...old, start: old.start + shift, end: old.end + shift } : old
}

function trimmed(text: string, found: Relocation): { start: number; end: number } {
  let { start, end } = found
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

function sameAnchor(a: ClaimAnchor, b: ClaimAnchor): boolean {
  return a.start === b.start && a.end === b.end && a.prefix === b.prefix && a.suffix === b.suffix && a.paragraph === b.paragraph && a.page === b.page
}
