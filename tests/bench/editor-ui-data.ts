import type Database from 'better-sqlite3'
import type { CitationSnapshot, SerializedCitationNode, SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { placePunctuation } from '@shared/citation-punctuation'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { heading, paragraph, referencesNode, root, text } from '../../electron/core/briefs/nodes'
import { wrapEditorState } from '../../electron/core/briefs/templates'
import { ProjectSession } from '../../electron/core/project/session'
import { generateBenchProject } from './ui-bench-project'
import { SNAPSHOT_SELECT, snapshotOf, type SnapshotRow } from '../../electron/core/briefs/snapshot'

export const PAGES = 60
export const WORDS_PER_PAGE = 500
export const CITATIONS = 2_000
/** One citation after every sentence: 2,000 sentences of 15 words make the 30,000 words of 60 pages. */
const WORDS_PER_SENTENCE = (PAGES * WORDS_PER_PAGE) / CITATIONS
const SENTENCES_PER_PARAGRAPH = 7

export interface BenchBriefs {
  path: string
  cited: { id: string; title: string }
  plain: { id: string; title: string }
  /** A small brief saved last, so it is the one the app opens at start. */
  scratch: { id: string; title: string }
  /** The first words of the first paragraph (the same in both), to see it arrive on screen. */
  firstWords: string
  paragraphs: number
  words: number
  citations: number
  citedSources: number
  /** Claims from sources the cited brief does not cite yet, with a phrase that finds each in the picker. */
  fresh: { claimId: string; search: string; statement: string }[]
}

function citation(snapshot: CitationSnapshot): SerializedLexicalNode {
  const node: SerializedCitationNode = { type: 'citation', version: 1, claimId: snapshot.claimId, snapshot }
  return node as unknown as SerializedLexicalNode
}

/**
 * A project (2,000 sources, 10,000 claims, generated as for the library bench) with a 60-page policy brief of
 * 30,000 words citing 2,000 of its claims (one after every sentence), the same brief with the same text and no
 * citation nodes, and a small scratch brief; all stored through BriefRepository.save.
 */
export function generateBenchBriefs(path: string): BenchBriefs {
  const { words, random } = generateBenchProject(path, 2_000, 10_000, 20240601)
  const session = ProjectSession.open(path)
  try {
    const db = session.db
    const rows = pickClaims(db, random, CITATIONS)
    const sentences = rows.map(() => words.sentence(WORDS_PER_SENTENCE))
    const paragraphCount = Math.ceil(CITATIONS / SENTENCES_PER_PARAGRAPH)
    const sections = ['Key messages', 'Background', 'The problem', 'Options', 'Recommendations']
    const build = (cite: boolean, title: string) => {
      const children: SerializedLexicalNode[] = [heading('h1', title)]
      for (let p = 0; p < paragraphCount; p++) {
        const section = Math.floor((p * sections.length) / paragraphCount)
        if (p === 0 || Math.floor(((p - 1) * sections.length) / paragraphCount) !== section) children.push(heading('h2', sections[section]!))
        if (sections[section] === 'Options' && p % 15 === 0) children.push(heading('h3', `Option ${p / 15}`))
        const texts: string[] = []
        for (let s = p * SENTENCES_PER_PARAGRAPH; s < Math.min(CITATIONS, (p + 1) * SENTENCES_PER_PARAGRAPH); s++) {
          texts.push((s === p * SENTENCES_PER_PARAGRAPH ? '' : ' ') + sentences[s]!)
        }
        // Without citations, adjacent text is one text node, as Lexical itself would normalise it.
        children.push(cite ? citedParagraph(texts, rows.slice(p * SENTENCES_PER_PARAGRAPH)) : paragraph(texts.join('')))
      }
      children.push(heading('h2', 'References'), referencesNode())
      return wrapEditorState(root(children))
    }
    const briefs = new BriefRepository(db)
    const save = (title: string, cite: boolean) => {
      const created = briefs.create(title, 'blank', null)
      // A numeric style, as the probes expect: opening waits for the last label's number, renumbering for it to move.
      briefs.update(created.id, { style: 'vancouver' })
      briefs.save(created.id, JSON.stringify(build(cite, title)))
      return { id: created.id, title }
    }
    const cited = save('Sixty pages with 2,000 citations', true)
    const plain = save('Sixty pages, no citations', false)
    const scratchTitle = 'Scratch brief'
    const scratch = { id: briefs.create(scratchTitle, 'policy-brief', null).id, title: scratchTitle }
    // The app opens the most recently updated brief: make that the scratch one, whatever the clock's resolution.
    db.prepare(`UPDATE briefs SET updated_at = '2999-01-01T00:00:00.000Z' WHERE id = ?`).run(scratch.id)

    const citedSources = new Set(rows.map((r) => r.source_id))
    const fresh = (db.prepare('SELECT id, statement, source_id AS sourceId FROM claims ORDER BY rowid DESC').all() as { id: string; statement: string; sourceId: string }[])
      .filter((c) => !citedSources.has(c.sourceId))
      .slice(0, 5)
      .map((c) => ({ claimId: c.id, statement: c.statement, search: `"${c.statement.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean).slice(0, 6).join(' ')}"` }))
    return {
      path,
      cited,
      plain,
      scratch,
      firstWords: sentences[0]!.slice(0, 40),
      paragraphs: paragraphCount,
      words: sentences.reduce((n, s) => n + s.split(/\s+/).length, 0),
      citations: rows.length,
      citedSources: citedSources.size,
      fresh,
    }
  } finally {
    session.close()
  }
}

/**
 * A paragraph of sentences each followed by its citation, stored as the editor leaves it after its first
 * save: the full stop moved after the label, where an in-text (Vancouver) citation puts it
 * (shared/citation-punctuation.ts), so opening the brief measures opening it, not re-punctuating it.
 */
function citedParagraph(texts: string[], cited: SnapshotRow[]): SerializedLexicalNode {
  const pieces = [...texts, '']
  const parts: SerializedLexicalNode[] = []
  for (let i = 0; i < texts.length; i++) {
    const placed = placePunctuation(pieces[i]!, pieces[i + 1]!, 'in-text', false)
    pieces[i + 1] = placed.after
    parts.push(text(placed.before), citation(snapshotOf(cited[i]!)))
  }
  if (pieces[texts.length]) parts.push(text(pieces[texts.length]!))
  return paragraph(...parts)
}

/** Distinct claims, picked at random (a source cited several times keeps its number, as in a real brief). */
function pickClaims(db: Database.Database, random: () => number, count: number): SnapshotRow[] {
  const all = db
    .prepare(`${SNAPSHOT_SELECT} ORDER BY c.rowid`)
    .all() as SnapshotRow[]
  const pool = [...all]
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, count)
}
