import type Database from 'better-sqlite3'
import type { Claim, ClaimAnchor, ClaimPatch, NewClaim, NewWholeWorkClaim, QuoteDecision } from '../../shared/dto/claims'
import type { Paragraph } from '../../shared/dto/sources'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import { buildAnchor, checkSelection, type Selection } from './anchor'
import { withPdfPlace } from './pdf-place'
import { removeClaimSearch, tagsText, writeClaimSearch } from './fts'
import { checkStances, checkTags, setClaimStances, setClaimTags } from './links'
import { CLAIM_COLUMNS, hydrate, type ClaimRow } from './rows'
import { TagTree } from './tag-tree'
import { column, command, idList, query } from '../db/statement'
import { readStored, sourceNamed } from '../db/stored'
import { storedParagraphs } from '../../shared/stored'

const CLAIM_GONE = 'That claim is no longer in this project.'
const SOURCE_GONE = 'That source is no longer in this project.'

interface SourceText {
  title: string
  format: string
  text: string
  paragraphs: Paragraph[]
}

/** Claims with their tags, stances and search index, each write in one transaction. */
export class ClaimRepository {
  constructor(private readonly db: Database.Database) {}

  create(input: NewClaim): Claim {
    const source = this.sourceText(input.sourceId)
    const selection = checkSelection(source.text, input)
    const anchor = withPdfPlace(buildAnchor(source.text, source.paragraphs, selection.start, selection.end), source.format, input.pdf)
    return this.insert(input, { title: source.title, statement: statementOr(input.statement, anchor.exact), quote: anchor.exact, anchor, wholeWork: false })
  }

  /**
   * A claim citing a reference-only source as a whole work: no quote, an anchor that points nowhere, its
   * statement the analyst's or else the work's title. Refused for a source with text, whose claims quote it.
   */
  citeWholeWork(input: NewWholeWorkClaim): Claim {
    const source = query<{ title: string; referenceOnly: number }>(this.db, 'SELECT title, reference_only AS referenceOnly FROM sources WHERE id = ?').get(input.sourceId)
    if (!source) throw new AppError('NOT_FOUND', SOURCE_GONE)
    if (source.referenceOnly !== 1) {
      throw new AppError('INVALID_INPUT', `“${source.title}” has its full text: select the passage that supports the claim, so the brief can quote it.`)
    }
    return this.insert(input, { title: source.title, statement: statementOr(input.statement, source.title), quote: '', anchor: NO_PASSAGE, wholeWork: true })
  }

  /** Writes a new claim with its tags, stances and search entry in one transaction; tags and stances checked first. */
  private insert(input: NewWholeWorkClaim, row: { title: string; statement: string; quote: string; anchor: ClaimAnchor; wholeWork: boolean }): Claim {
    const tagIds = checkTags(this.db, input.tagIds ?? [])
    const stances = checkStances(this.db, input.stances ?? [])
    const id = newId()
    const now = nowIso()
    this.db.transaction(() => {
      command(
        this.db,
        `INSERT INTO claims (id, source_id, source_title, statement, quote, anchor, evidence_type, strength, note, status, whole_work, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?)`,
      ).run(
        id,
        input.sourceId,
        row.title,
        row.statement,
        row.quote,
        JSON.stringify(row.anchor),
        input.evidenceType ?? null,
        input.strength ?? null,
        input.note ?? '',
        row.wholeWork ? 1 : 0,
        now,
        now,
      )
      setClaimTags(this.db, id, tagIds)
      setClaimStances(this.db, id, stances)
      this.reindex(id)
    })()
    return this.get(id)
  }

  update(id: string, patch: ClaimPatch): Claim {
    const current = this.get(id)
    const tagIds = patch.tagIds ? checkTags(this.db, patch.tagIds) : null
    const stances = patch.stances ? checkStances(this.db, patch.stances) : null
    this.db.transaction(() => {
      command(this.db, 'UPDATE claims SET statement = ?, evidence_type = ?, strength = ?, note = ?, updated_at = ? WHERE id = ?').run(
        patch.statement === undefined ? current.statement : statementOr(patch.statement, current.quote),
        patch.evidenceType === undefined ? current.evidenceType : patch.evidenceType,
        patch.strength === undefined ? current.strength : patch.strength,
        patch.note ?? current.note,
        nowIso(),
        id,
      )
      if (tagIds) setClaimTags(this.db, id, tagIds)
      if (stances) setClaimStances(this.db, id, stances)
      this.reindex(id)
    })()
    return this.get(id)
  }

  /**
   * False when it was already gone: deleting twice (two windows) is not an error. `discard` takes the row
   * away (to the Trash) in this transaction; the search index is this repository's to keep.
   */
  delete(id: string, discard: (id: string) => void): boolean {
    const rowid = column<number>(this.db, 'SELECT rowid FROM claims WHERE id = ?').get(id)
    if (rowid === undefined) return false
    this.db.transaction(() => {
      removeClaimSearch(this.db, rowid)
      discard(id)
    })()
    return true
  }

  get(id: string): Claim {
    const row = query<ClaimRow>(this.db, `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ?`).get(id)
    if (!row) throw new AppError('NOT_FOUND', CLAIM_GONE)
    return hydrate(this.db, [row])[0]!
  }

  exists(id: string): boolean {
    return column<1>(this.db, 'SELECT 1 FROM claims WHERE id = ?').get(id) !== undefined
  }

  /** In the order asked for; ids no longer in the project are left out (a brief may cite a deleted claim). */
  getMany(ids: readonly string[]): Claim[] {
    if (!ids.length) return []
    const rows = query<ClaimRow>(this.db, `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`).all(
      idList([...new Set(ids)]),
    )
    const byId = new Map(hydrate(this.db, rows).map((claim) => [claim.id, claim]))
    return ids.map((id) => byId.get(id)).filter((claim): claim is Claim => claim !== undefined)
  }

  /** In reading order, for the highlights in the source reader. */
  forSource(sourceId: string): Claim[] {
    if (!this.sourceExists(sourceId)) throw new AppError('NOT_FOUND', SOURCE_GONE)
    const rows = query<ClaimRow>(
      this.db,
      `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.source_id = ?
       ORDER BY json_extract(c.anchor, '$.start'), json_extract(c.anchor, '$.end'), c.created_at`,
    ).all(sourceId)
    return hydrate(this.db, rows)
  }

  /**
   * The analyst selects the passage again (after an orphaning edit): new anchor, anchored again. The same
   * act ties a whole-work claim to a quote once its source's full text is attached.
   */
  reattach(id: string, input: Selection): Claim {
    const row = query<{ sourceId: string | null; statement: string; quote: string }>(this.db, 'SELECT source_id AS sourceId, statement, quote FROM claims WHERE id = ?').get(id)
    if (!row) throw new AppError('NOT_FOUND', CLAIM_GONE)
    if (!row.sourceId) throw new AppError('NOT_FOUND', 'The source of this claim was removed from the project, so there is nothing to reattach it to.')
    const source = this.sourceText(row.sourceId)
    const selection = checkSelection(source.text, input)
    const anchor = buildAnchor(source.text, source.paragraphs, selection.start, selection.end)
    // A statement that was only the old quote follows the quote; one the analyst wrote stays.
    const statement = row.statement === row.quote ? anchor.exact : row.statement
    this.db.transaction(() => {
      command(this.db, `UPDATE claims SET quote = ?, anchor = ?, statement = ?, status = 'anchored', whole_work = 0, updated_at = ? WHERE id = ?`).run(
        anchor.exact,
        JSON.stringify(anchor),
        statement,
        nowIso(),
        id,
      )
      this.reindex(id)
    })()
    return this.get(id)
  }

  /**
   * The analyst's answer to "changed in the source": accept takes the source's new words as the quote (a
   * statement that was only the quote follows it); keep leaves the cited words and records that they chose
   * to, so the mark says so. Refused for a claim whose quote has not changed.
   */
  resolveQuoteChange(id: string, decision: QuoteDecision): Claim {
    const claim = this.get(id)
    const change = claim.quoteChange
    if (!change) throw new AppError('INVALID_INPUT', 'The source still says this claim’s cited words, so there is no change to accept or reject.')
    this.db.transaction(() => {
      if (decision === 'keep') {
        command(this.db, 'UPDATE claims SET quote_kept_at = ?, updated_at = ? WHERE id = ?').run(nowIso(), nowIso(), id)
        return
      }
      const statement = claim.statement === claim.quote ? change.words : claim.statement
      command(this.db, 'UPDATE claims SET quote = ?, statement = ?, quote_kept_at = NULL, updated_at = ? WHERE id = ?').run(change.words, statement, nowIso(), id)
      this.reindex(id)
    })()
    return this.get(id)
  }

  private reindex(id: string): void {
    const row = query<{
      rowid: number
      statement: string
      quote: string
      note: string
      sourceTitle: string
    }>(this.db, 'SELECT rowid, statement, quote, note, source_title AS sourceTitle FROM claims WHERE id = ?').get(id)!
    const tagIds = column<string>(this.db, 'SELECT tag_id FROM claim_tags WHERE claim_id = ?').all(id)
    writeClaimSearch(this.db, row.rowid, { ...row, tags: tagIds.length ? tagsText(TagTree.load(this.db), tagIds) : '' })
  }

  private sourceExists(id: string): boolean {
    return column<1>(this.db, 'SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined
  }

  private sourceText(id: string): SourceText {
    const row = query<{ title: string; format: string; text: string; paragraphs: string }>(this.db, 'SELECT title, format, text, paragraphs FROM sources WHERE id = ?').get(id)
    if (!row) throw new AppError('NOT_FOUND', SOURCE_GONE)
    return { title: row.title, format: row.format, text: row.text, paragraphs: readStored(storedParagraphs, row.paragraphs, () => sourceNamed(row.title)) }
  }
}

/** A whole-work claim's anchor: no words, no place (paragraph 0 prints no pinpoint). */
const NO_PASSAGE: ClaimAnchor = { exact: '', prefix: '', suffix: '', start: 0, end: 0, paragraph: 0 }

function statementOr(statement: string | undefined, quote: string): string {
  return statement?.trim() ? statement.trim() : quote
}
