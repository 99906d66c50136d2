import type Database from 'better-sqlite3'
import type { ClaimAnchor } from '../../shared/dto/claims'
import type { Paragraph } from '../../shared/dto/sources'
import { nowIso } from '../ids'
import { buildAnchor } from './anchor'
import { classifyQuotes } from './quote-fate'
import { column, command, query } from '../db/statement'
import { claimNamed, readStored } from '../db/stored'
import { storedAnchor } from '../../shared/stored'

export { relocate, type Relocation } from './relocate'

export interface ReanchorSummary {
  /** The cited words found exactly again, in the same place or moved. */
  anchored: number
  /**
   * Found only approximately: "changed in the source". Each keeps its cited words (its anchor now points at
   * the passage as it reads) until the analyst accepts the new words or keeps the old (`resolveQuoteChange`).
   */
  changed: number
  changedIds: string[]
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

/**
 * Moves every quoted claim on a source onto the source's new text (a whole-work claim has no passage to move), by the one rule of `classifyQuotes`; no quote
 * ever changes here. Call inside the transaction that stores the new text, before it is stored (the old
 * text lets claims outside the edited region move by arithmetic alone); it still works, more slowly, if the
 * new text is already stored.
 */
export function reanchorClaims(db: Database.Database, sourceId: string, newText: string, newParagraphs: Paragraph[]): ReanchorSummary {
  const oldText = (column<string>(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId)) ?? ''
  const rows = query<ClaimAnchorRow>(db, 'SELECT id, statement, quote, anchor, status FROM claims WHERE source_id = ? AND whole_work = 0').all(sourceId)
  const olds = rows.map((row) => readStored(storedAnchor, row.anchor, () => claimNamed(row.statement)))
  // Measured against the words the analyst cited, not the words an earlier version had at the anchor.
  const fates = classifyQuotes(
    olds.map((old, i) => ({ ...old, exact: rows[i]!.quote })),
    newText,
    oldText,
  )
  const summary: ReanchorSummary = { anchored: 0, changed: 0, changedIds: [], orphaned: 0, orphanedIds: [] }
  const now = nowIso()
  rows.forEach((row, i) => {
    const old = olds[i]!
    const found = fates[i]!
    if (found.fate === 'gone') {
      summary.orphaned++
      summary.orphanedIds.push(row.id)
      if (row.status !== 'orphaned') command(db, `UPDATE claims SET status = 'orphaned', updated_at = ? WHERE id = ?`).run(now, row.id)
      return
    }
    const anchor = buildAnchor(newText, newParagraphs, found.start, found.end)
    if (found.fate === 'changed') {
      summary.changed++
      summary.changedIds.push(row.id)
    } else summary.anchored++
    if (row.status === 'anchored' && sameAnchor(old, anchor)) return
    // The analyst's "keep the cited words" answered these new words only: different ones ask afresh.
    const sameAnswer = found.fate === 'changed' && old.exact === anchor.exact ? 1 : 0
    command(
      db,
      `UPDATE claims SET anchor = ?, status = 'anchored', quote_kept_at = CASE WHEN ? THEN quote_kept_at END, updated_at = ? WHERE id = ?`,
    ).run(JSON.stringify(anchor), sameAnswer, now, row.id)
  })
  return summary
}

/** A PDF place belongs to the file it was found in: a new version's pages are looked at afresh, so one is never the same. */
function sameAnchor(a: ClaimAnchor, b: ClaimAnchor): boolean {
  if (a.pdf || a.pdfNotFound) return false
  return a.exact === b.exact && a.start === b.start && a.end === b.end && a.prefix === b.prefix && a.suffix === b.suffix && a.paragraph === b.paragraph && a.page === b.page
}
