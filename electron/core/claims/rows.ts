import type Database from 'better-sqlite3'
import type { Claim, ClaimAnchor, ClaimCard, ClaimStance, ClaimStatus, EvidenceType, QuoteChange, Stance, Strength } from '../../shared/dto/claims'
import { wordDiff } from './word-diff'
import { shortCitation } from '../sources/csl'
import { currentUpdates, UPDATES_COLUMN } from '../sources/updates'
import { worstNotice, type SourceNotice } from '../../shared/dto/source-updates'
import { idList, query } from '../db/statement'
import { claimNamed, readStored, sourceNamed } from '../db/stored'
import { storedAnchor, storedCsl } from '../../shared/stored'

export interface ClaimRow {
  rowid: number
  id: string
  source_id: string | null
  source_title: string
  statement: string
  quote: string
  anchor: string
  evidence_type: EvidenceType | null
  strength: Strength | null
  note: string
  status: ClaimStatus
  quote_kept_at: string | null
  whole_work: number
  created_at: string
  updated_at: string
}

export const CLAIM_COLUMNS = `c.rowid AS rowid, c.id, c.source_id, c.source_title, c.statement, c.quote, c.anchor,
  c.evidence_type, c.strength, c.note, c.status, c.quote_kept_at, c.whole_work, c.created_at, c.updated_at`

/** Turns rows into claims, loading the tags and stances of all of them in two queries, not 2 per row. */
export function hydrate(db: Database.Database, rows: ClaimRow[]): Claim[] {
  if (!rows.length) return []
  const ids = idList(rows.map((r) => r.id))
  const tags = new Map<string, string[]>()
  const tagRows = query<{ claimId: string; tagId: string }>(
    db,
    `SELECT ct.claim_id AS claimId, ct.tag_id AS tagId FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.claim_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE, t.id`,
  ).all(ids)
  for (const { claimId, tagId } of tagRows) push(tags, claimId, tagId)
  const stances = new Map<string, ClaimStance[]>()
  const stanceRows = query<{ claimId: string; questionId: string; stance: Stance }>(
    db,
    `SELECT cs.claim_id AS claimId, cs.question_id AS questionId, cs.stance FROM claim_stances cs
     JOIN questions q ON q.id = cs.question_id
     WHERE cs.claim_id IN (SELECT value FROM json_each(?)) ORDER BY q.created_at, q.id`,
  ).all(ids)
  for (const { claimId, questionId, stance } of stanceRows) push(stances, claimId, { questionId, stance })
  return rows.map((row) => {
    const anchor = readStored(storedAnchor, row.anchor, () => claimNamed(row.statement))
    const claim: Claim = {
      id: row.id,
      sourceId: row.source_id,
      statement: row.statement,
      quote: row.quote,
      anchor,
      tagIds: tags.get(row.id) ?? [],
      stances: stances.get(row.id) ?? [],
      evidenceType: row.evidence_type,
      strength: row.strength,
      note: row.note,
      status: row.status,
      wholeWork: row.whole_work === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
    const change = quoteChangeOf(row, anchor)
    if (change) claim.quoteChange = change
    return claim
  })
}

/** The anchor holds the source's words as they now read; a quote that differs is one the analyst has not taken. */
function quoteChangeOf(row: ClaimRow, anchor: ClaimAnchor): QuoteChange | null {
  if (row.status !== 'anchored' || anchor.exact === row.quote) return null
  return { words: anchor.exact, diff: wordDiff(row.quote, anchor.exact), kept: row.quote_kept_at !== null }
}

/** Claims as the lists show them: with the source's title and a short "Author year" citation. */
export function toCards(db: Database.Database, rows: ClaimRow[], snippets?: Map<number, string>): ClaimCard[] {
  const claims = hydrate(db, rows)
  const sourceIds = [...new Set(rows.map((r) => r.source_id).filter((id): id is string => id !== null))]
  const citations = new Map<string, string>()
  const notices = new Map<string, SourceNotice>()
  if (sourceIds.length) {
    const records = query<{ id: string; title: string; csl: string; updates: string | null }>(
      db,
      `SELECT s.id, s.title, s.csl, ${UPDATES_COLUMN} FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`,
    ).all(idList(sourceIds))
    for (const { id, title, csl, updates } of records) {
      const record = readStored(storedCsl, csl, () => sourceNamed(title))
      citations.set(id, shortCitation(record))
      const worst = worstNotice(currentUpdates(updates, record, title)?.notices ?? [])
      if (worst) notices.set(id, worst)
    }
  }
  return claims.map((claim, i) => {
    const row = rows[i]!
    const card: ClaimCard = {
      ...claim,
      sourceTitle: row.source_title,
      // A removed source leaves only its title behind: cite by that rather than show nothing.
      shortCitation: (row.source_id && citations.get(row.source_id)) || row.source_title,
    }
    const notice = row.source_id ? notices.get(row.source_id) : undefined
    if (notice) card.sourceNotice = notice
    const snippet = snippets?.get(row.rowid)
    if (snippet !== undefined) card.snippet = snippet
    return card
  })
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
