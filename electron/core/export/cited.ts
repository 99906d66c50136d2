import type Database from 'better-sqlite3'
import type { ClaimAnchor, ClaimStatus, Stance } from '../../shared/dto/claims'
import type { CslItem } from '../../shared/dto/csl'
import type { RecordProvenance } from '../../shared/dto/provenance'
import type { Paragraph, SourceFormat } from '../../shared/dto/sources'
import { idList, query } from '../db/statement'
import { claimNamed, readStored, sourceNamed } from '../db/stored'
import { storedAnchor, storedCsl, storedParagraphs, storedProvenance } from '../../shared/stored'
import type { ClaimRow } from '../claims/rows'

/**
 * The few columns export reads, fetched for all cited claims and sources in one query each. Export only reads,
 * so it goes to the tables directly rather than through repositories built for editing one claim at a time.
 */
export interface CitedClaim {
  id: string
  sourceId: string | null
  sourceTitle: string
  statement: string
  quote: string
  anchor: ClaimAnchor
  status: ClaimStatus
  /** Cites its source as a whole work: no quote to check. */
  wholeWork: boolean
  /** Stance toward the brief's question, when the brief has one and the claim was rated against it. */
  stance: Stance | null
}

export interface CitedSource {
  id: string
  title: string
  format: SourceFormat
  csl: CslItem
  text: string
  paragraphs: Paragraph[]
  provenance: RecordProvenance
}

/** Each row read once, keyed by its id: the lookups the export makes while it walks the brief. */
function byId<Row extends { id: string }, T>(rows: Row[], read: (row: Row) => T): Map<string, T> {
  return new Map(rows.map((row) => [row.id, read(row)]))
}

export function loadClaims(db: Database.Database, ids: string[], questionId: string | null): Map<string, CitedClaim> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = query<Pick<ClaimRow, 'id' | 'source_id' | 'source_title' | 'statement' | 'quote' | 'anchor' | 'status' | 'whole_work'> & { stance: Stance | null }>(
    db,
    `SELECT c.id, c.source_id, c.source_title, c.statement, c.quote, c.anchor, c.status, c.whole_work,
              (SELECT cs.stance FROM claim_stances cs WHERE cs.claim_id = c.id AND cs.question_id = ?) AS stance
       FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(questionId, idList(unique))
  return byId(rows, (r) => ({
    id: r.id,
    sourceId: r.source_id,
    sourceTitle: r.source_title,
    statement: r.statement,
    quote: r.quote,
    anchor: readStored(storedAnchor, r.anchor, () => claimNamed(r.statement)),
    status: r.status,
    wholeWork: r.whole_work === 1,
    stance: r.stance,
  }))
}

export function loadSources(db: Database.Database, ids: string[]): Map<string, CitedSource> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = query<{ id: string; title: string; format: SourceFormat; csl: string; text: string; paragraphs: string; provenance: string }>(
    db,
    'SELECT id, title, format, csl, text, paragraphs, provenance FROM sources WHERE id IN (SELECT value FROM json_each(?))',
  ).all(idList(unique))
  return byId(rows, (r) => ({
    id: r.id,
    title: r.title,
    format: r.format,
    // citeproc looks items up by id: the source id is the one id every citation of it shares.
    csl: { ...readStored(storedCsl, r.csl, () => sourceNamed(r.title)), id: r.id },
    text: r.text,
    paragraphs: readStored(storedParagraphs, r.paragraphs, () => sourceNamed(r.title)),
    provenance: readStored(storedProvenance, r.provenance, () => `${sourceNamed(r.title)}'s field provenance`),
  }))
}
