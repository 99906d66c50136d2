import type Database from 'better-sqlite3'
import { DEFAULT_NOTES, DEFAULT_STYLE, type EvidentAdditions, SERIALIZED_BRIEF_VERSION, type BriefDocument, type BriefRevision, type BriefSummary, type BriefTemplate, type NoteMode, type SerializedBrief } from '../../shared/dto/briefs'
import { AppError } from '../errors'
import { column, command, query } from '../db/statement'
import { newId, nowIso } from '../ids'
import { MAX_ARGUMENT_DEPTH, nestsDeeperThan } from '../depth'
import { assertCommentsValid } from './comments'
import { citationsOf, countWords, measureBrief, parseStoredBrief, rootOf, sectionsOf } from './content'
import { heading } from './nodes'
import { briefFromTemplate } from './templates'
import { readAdditions, readLayout, writeAdditions, writeLayout } from './brief-settings'
import { TEMPLATE_LAYOUTS, type BriefLayout } from '../../shared/dto/brief-layout'

interface BriefRow {
  id: string
  title: string
  question_id: string | null
  template: BriefTemplate
  style: string
  notes: NoteMode
  export_additions: string | null
  layout: string | null
  content: string
  revision: number
  updated_at: string
}

/** Saves within this window extend the latest revision instead of adding one, so autosave keeps a usable history. */
const REVISION_WINDOW_MS = 60_000

function summarise(row: BriefRow, citationCount = 0): BriefSummary {
  return {
    id: row.id,
    title: row.title,
    questionId: row.question_id,
    template: row.template,
    style: row.style,
    notes: row.notes,
    additions: readAdditions(row.export_additions),
    layout: readLayout(row.layout),
    revision: row.revision,
    updatedAt: row.updated_at,
    citationCount,
  }
}

/** Replaces the brief's h1 title (or adds one) so the document and the list agree. */
function withTitle(brief: SerializedBrief, title: string): SerializedBrief {
  const copy = structuredClone(brief)
  const children = rootOf(copy).children!
  const index = children.findIndex((n) => n.type === 'heading' && n.tag === 'h1')
  if (index >= 0) children[index] = heading('h1', title)
  else children.unshift(heading('h1', title))
  return copy
}

export class BriefRepository {
  constructor(private readonly db: Database.Database) {}

  private row(id: string): BriefRow {
    const row = query<BriefRow>(this.db, 'SELECT * FROM briefs WHERE id = ? AND deleted_at IS NULL').get(id)
    if (!row) throw new AppError('NOT_FOUND', 'That brief is no longer in this project.')
    return row
  }

  list(): BriefSummary[] {
    const rows = query<BriefRow>(this.db, 'SELECT * FROM briefs WHERE deleted_at IS NULL ORDER BY updated_at DESC').all()
    return rows.map((row) => {
      const parsed = parseStoredBrief(row.content, row.template)
      return summarise(row, parsed.ok ? citationsOf(parsed.brief).length : 0)
    })
  }

  /** Finds a brief by id or, failing that, by its exact (case-insensitive) title — for the CLI. */
  resolve(idOrTitle: string): string {
    const row = query<{ id: string }>(this.db, 'SELECT id FROM briefs WHERE deleted_at IS NULL AND (id = ? OR title = ? COLLATE NOCASE) ORDER BY id = ? DESC LIMIT 1').get(idOrTitle, idOrTitle, idOrTitle)
    if (!row) throw new AppError('NOT_FOUND', `There is no brief called “${idOrTitle}” in this project.`)
    return row.id
  }

  get(id: string): BriefDocument {
    const row = this.row(id)
    const parsed = parseStoredBrief(row.content, row.template)
    if (parsed.ok) return { ...summarise(row, citationsOf(parsed.brief).length), content: parsed.brief, readOnly: false }
    const revisions = query<{ content: string; saved_at: string }>(this.db, 'SELECT content, saved_at FROM brief_revisions WHERE brief_id = ? ORDER BY revision DESC, id DESC').all(id)
    const good = revisions.map((r) => ({ r, p: parseStoredBrief(r.content, row.template) })).find((x) => x.p.ok)
    const fallback = good && good.p.ok ? good.p.brief : briefFromTemplate('blank', row.title)
    const message =
      parsed.reason === 'newer'
        ? 'This brief was saved by a newer version of Evident. It is shown read-only; update Evident to edit it.'
        : good
          ? `This brief's saved data is damaged. It is shown read-only from the last good version (${good.r.saved_at}). Restore that version to edit it.`
          : "This brief's saved data is damaged and no earlier version could be read. It is shown read-only."
    return { ...summarise(row, citationsOf(fallback).length), content: fallback, readOnly: true, message }
  }

  private assertQuestion(questionId: string | null | undefined): void {
    if (!questionId) return
    if (!column<number>(this.db, 'SELECT 1 FROM questions WHERE id = ?').get(questionId)) {
      throw new AppError('NOT_FOUND', 'That question is no longer in this project.')
    }
  }

  create(title: string, template: BriefTemplate, questionId: string | null): BriefDocument {
    this.assertQuestion(questionId)
    const id = newId()
    const now = nowIso()
    const content = briefFromTemplate(template, title)
    this.db.transaction(() => {
      command(
        this.db,
        `INSERT INTO briefs (id, title, question_id, template, style, notes, layout, content, revision, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(id, title, questionId, template, DEFAULT_STYLE, DEFAULT_NOTES, writeLayout(TEMPLATE_LAYOUTS[template]), JSON.stringify(content), now, now)
      this.addRevision(id, 1, JSON.stringify(content), countWords(content), now)
    })()
    return this.get(id)
  }

  /**
   * Stores the editor's JSON text as received: parsed once (and checked for shape and depth), walked once for
   * what the list shows, never serialised again. A 60-page brief is ~1.4 MB, saved every second of typing.
   */
  save(id: string, text: string, baseRevision?: number): BriefSummary {
    const row = this.row(id)
    this.assertNotNewer(id)
    if (baseRevision !== undefined && baseRevision !== row.revision) {
      throw new AppError('CONFLICT', 'This brief was changed elsewhere since you opened it. Reopen it to see the latest version.')
    }
    const parsed = parseStoredBrief(text, row.template)
    if (!parsed.ok || nestsDeeperThan(parsed.brief, MAX_ARGUMENT_DEPTH)) {
      throw new AppError('INVALID_INPUT', 'The brief could not be saved: its content is not a valid brief.')
    }
    assertCommentsValid(parsed.brief)
    const measure = measureBrief(parsed.brief)
    const now = nowIso()
    const revision = row.revision + 1
    const title = measure.title ?? row.title
    this.db.transaction(() => {
      command(this.db, 'UPDATE briefs SET content = ?, title = ?, revision = ?, updated_at = ? WHERE id = ?').run(text, title, revision, now, id)
      const last = query<{ id: number; saved_at: string; pinned: number }>(this.db, 'SELECT id, saved_at, pinned FROM brief_revisions WHERE brief_id = ? ORDER BY id DESC LIMIT 1').get(id)
      if (last && !last.pinned && Date.parse(now) - Date.parse(last.saved_at) < REVISION_WINDOW_MS) {
        command(this.db, 'UPDATE brief_revisions SET content = ?, revision = ?, word_count = ? WHERE id = ?').run(text, revision, measure.words, last.id)
      } else {
        this.addRevision(id, revision, text, measure.words, now, false)
      }
    })()
    return summarise(this.row(id), measure.citations)
  }

  /**
   * A brief saved by a newer Evident is shown read-only, and the core holds to that too: saving over it
   * would throw away what this version cannot read. (SQLite reads the version without a JS parse.)
   */
  private assertNotNewer(id: string): void {
    const stored = query<{ version: unknown }>(this.db, "SELECT json_extract(content, '$.version') AS version FROM briefs WHERE id = ? AND json_valid(content)").get(id)
    if (typeof stored?.version === 'number' && stored.version > SERIALIZED_BRIEF_VERSION) {
      throw new AppError('READ_ONLY', 'This brief was saved by a newer version of Evident, so it is read-only here: update Evident to change it.')
    }
  }

  private addRevision(id: string, revision: number, text: string, words: number, savedAt: string, pinned = true): void {
    command(this.db, 'INSERT INTO brief_revisions (brief_id, revision, content, word_count, saved_at, pinned) VALUES (?, ?, ?, ?, ?, ?)').run(id, revision, text, words, savedAt, pinned ? 1 : 0)
  }

  update(
    id: string,
    patch: { title?: string; questionId?: string | null; style?: string; notes?: NoteMode; additions?: Partial<EvidentAdditions>; layout?: Partial<BriefLayout> },
  ): BriefSummary {
    const row = this.row(id)
    this.assertQuestion(patch.questionId)
    this.db.transaction(() => {
      if (patch.title !== undefined) {
        const parsed = parseStoredBrief(row.content, row.template)
        const content = parsed.ok ? JSON.stringify(withTitle(parsed.brief, patch.title)) : row.content
        command(this.db, 'UPDATE briefs SET title = ?, content = ?, revision = revision + 1 WHERE id = ?').run(patch.title, content, id)
      }
      if (patch.questionId !== undefined) command(this.db, 'UPDATE briefs SET question_id = ? WHERE id = ?').run(patch.questionId, id)
      if (patch.style !== undefined) command(this.db, 'UPDATE briefs SET style = ? WHERE id = ?').run(patch.style, id)
      if (patch.notes !== undefined) command(this.db, 'UPDATE briefs SET notes = ? WHERE id = ?').run(patch.notes, id)
      if (patch.additions !== undefined) {
        const additions = { ...readAdditions(row.export_additions), ...patch.additions }
        command(this.db, 'UPDATE briefs SET export_additions = ? WHERE id = ?').run(writeAdditions(additions), id)
      }
      if (patch.layout !== undefined) command(this.db, 'UPDATE briefs SET layout = ? WHERE id = ?').run(writeLayout({ ...readLayout(row.layout), ...patch.layout }), id)
      command(this.db, 'UPDATE briefs SET updated_at = ? WHERE id = ?').run(nowIso(), id)
    })()
    return this.summary(id)
  }

  summary(id: string): BriefSummary {
    const row = this.row(id)
    const parsed = parseStoredBrief(row.content, row.template)
    return summarise(row, parsed.ok ? citationsOf(parsed.brief).length : 0)
  }

  duplicate(id: string): BriefSummary {
    const source = this.get(id)
    const title = `${source.title} (copy)`
    const copy = this.create(title, source.template, source.questionId)
    command(this.db, 'UPDATE briefs SET style = ?, notes = ?, export_additions = ?, layout = ? WHERE id = ?').run(source.style, source.notes, writeAdditions(source.additions), writeLayout(source.layout), copy.id)
    this.save(copy.id, JSON.stringify(withTitle(source.content, title)))
    return this.summary(copy.id)
  }

  /** Soft delete, so "Undo" can bring the brief back with its history. */
  delete(id: string): void {
    this.row(id)
    command(this.db, 'UPDATE briefs SET deleted_at = ? WHERE id = ?').run(nowIso(), id)
  }

  undelete(id: string): BriefSummary {
    const changed = command(this.db, 'UPDATE briefs SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes
    if (!changed) throw new AppError('NOT_FOUND', 'That brief cannot be restored: it was not deleted or no longer exists.')
    return this.summary(id)
  }

  /** Briefs in the Trash, newest first, with when each went. */
  trashed(): (BriefSummary & { deletedAt: string })[] {
    const rows = query<BriefRow & { deleted_at: string }>(this.db, 'SELECT * FROM briefs WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC').all()
    return rows.map((row) => {
      const parsed = parseStoredBrief(row.content, row.template)
      return { ...summarise(row, parsed.ok ? citationsOf(parsed.brief).length : 0), deletedAt: row.deleted_at }
    })
  }

  /** Deletes a brief in the Trash for good, with its revisions (ON DELETE CASCADE). */
  purge(id: string): boolean {
    return command(this.db, 'DELETE FROM briefs WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes > 0
  }

  /** The live briefs that cite a claim, with how many times each does. */
  citing(claimId: string): { briefId: string; title: string; citations: number }[] {
    // The id is a random token, so a text match finds every brief that may cite it before any is parsed.
    const rows = query<BriefRow>(this.db, 'SELECT * FROM briefs WHERE deleted_at IS NULL AND instr(content, ?) > 0 ORDER BY updated_at DESC').all(JSON.stringify(claimId))
    return rows.flatMap((row) => {
      const parsed = parseStoredBrief(row.content, row.template)
      const citations = parsed.ok ? citationsOf(parsed.brief).filter((c) => c.claimId === claimId).length : 0
      return citations ? [{ briefId: row.id, title: row.title, citations }] : []
    })
  }

  revisions(id: string): BriefRevision[] {
    this.row(id)
    return query<BriefRevision>(this.db, 'SELECT id, revision, saved_at AS savedAt, word_count AS wordCount FROM brief_revisions WHERE brief_id = ? ORDER BY id DESC').all(id)
  }

  restoreRevision(id: string, revisionId: number): BriefDocument {
    const row = this.row(id)
    const revision = query<{ content: string }>(this.db, 'SELECT content FROM brief_revisions WHERE id = ? AND brief_id = ?').get(revisionId, id)
    if (!revision) throw new AppError('NOT_FOUND', 'That version of the brief no longer exists.')
    const parsed = parseStoredBrief(revision.content, row.template)
    if (!parsed.ok) throw new AppError('CORRUPT_FILE', 'That version of the brief is damaged and cannot be restored.')
    // A restore is a new save on top of history, never a rewrite of it.
    this.db.transaction(() => {
      command(this.db, 'UPDATE briefs SET content = ?, revision = ?, updated_at = ? WHERE id = ?').run(revision.content, row.revision + 1, nowIso(), id)
      this.addRevision(id, row.revision + 1, revision.content, countWords(parsed.brief), nowIso())
    })()
    return this.get(id)
  }

  outline(): { id: string; title: string; sections: { title: string; claimIds: string[] }[] }[] {
    return this.list().map((summary) => ({ id: summary.id, title: summary.title, sections: sectionsOf(this.get(summary.id).content) }))
  }
}
