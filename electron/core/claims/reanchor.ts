import type Database from 'better-sqlite3'
import type { ClaimAnchor } from '../../shared/dto/claims'
import type { Paragraph } from '../../shared/dto/sources'
import { nowIso } from '../ids'
import { buildAnchor } from './anchor'
import { refreshClaimSearch } from './fts'
import { classifyQuotes } from './quote-fate'
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

/**
 * Moves every claim on a source onto the source's new text. Call inside the transaction that stores
 * the new text, before it is stored (the old text lets claims outside the edited region move by
 * arithmetic alone); it still works, more slowly, if the new text is already stored.
 */
export function reanchorClaims(db: Database.Database, sourceId: string, newText: string, newParagraphs: Paragraph[]): ReanchorSummary {
  const oldText = (column<string>(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId)) ?? ''
  const rows = query<ClaimAnchorRow>(db, 'SELECT id, statement, quote, anchor, status FROM claims WHERE source_id = ?').all(sourceId)
  const olds = rows.map((row) => readStored(storedAnchor, row.anchor, () => claimNamed(row.statement)))
  const fates = classifyQuotes(olds, newText, oldText)
  const summary: ReanchorSummary = { anchored: 0, fuzzy: 0, orphaned: 0, orphanedIds: [] }
  const requote: string[] = []
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
    if (found.fate === 'changed') summary.fuzzy++
    else summary.anchored++
    const quoteChanged = anchor.exact !== row.quote
    if (!quoteChanged && row.status === 'anchored' && sameAnchor(old, anchor)) return
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
  })
  refreshClaimSearch(db, requote)
  return summary
}

function sameAnchor(a: ClaimAnchor, b: ClaimAnchor): boolean {
  return a.start === b.start && a.end === b.end && a.prefix === b.prefix && a.suffix === b.suffix && a.paragraph === b.paragraph && a.page === b.page
}
