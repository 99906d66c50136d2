import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationsOf, sectionsOf } from '../../electron/core/briefs/content'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { paragraph } from '../../electron/core/briefs/nodes'
import { ProjectSession } from '../../electron/core/project/session'
import type { SerializedBrief } from '@shared/dto/briefs'
import { useTempDir } from '../helpers/temp'
import { refusal } from '../helpers/refusal'

function open(dir: string) {
  const session = ProjectSession.create(join(dir, 'briefs.evident'))
  return { session, briefs: new BriefRepository(session.db) }
}

function withParagraph(brief: SerializedBrief, words: string): SerializedBrief {
  const copy = structuredClone(brief)
  ;(copy.editorState as { root: { children: unknown[] } }).root.children.push(paragraph(words))
  return copy
}

describe('briefs', () => {
  const temp = useTempDir()

  it('an analyst creates a policy brief and gets its sections, title first', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('Should trusts run general practice?', 'policy-brief', null)
    expect(brief.readOnly).toBe(false)
    expect(sectionsOf(brief.content).map((s) => s.title)).toEqual([
      'Key messages',
      'Background',
      'The problem',
      'Options',
      'Recommendations',
      'References',
    ])
    expect(briefs.list().map((b) => b.title)).toEqual(['Should trusts run general practice?'])
    session.close()
  })

  it('a briefing note and a blank brief have their own shapes', () => {
    const { session, briefs } = open(temp())
    expect(sectionsOf(briefs.create('Note', 'briefing-note', null).content).map((s) => s.title)).toEqual([
      'Summary',
      'Background',
      'Discussion',
      'Recommendation',
      'References',
    ])
    expect(sectionsOf(briefs.create('Blank', 'blank', null).content)).toEqual([])
    session.close()
  })

  it('saving bumps the revision and refuses a save based on a stale revision', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const saved = briefs.save(brief.id, JSON.stringify(withParagraph(brief.content, 'first words')), brief.revision)
    expect(saved.revision).toBe(brief.revision + 1)
    expect(() => briefs.save(brief.id, JSON.stringify(brief.content), brief.revision)).toThrow(/changed elsewhere/)
    session.close()
  })

  it('refuses a brief sent as JSON text nested 20,000 deep as not a brief (a 400, not an internal error), storing nothing', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('Deep', 'blank', null)
    const deep = `{"format":"evident-brief","version":1,"editorState":{"root":{"type":"root","children":[${'{"type":"list","children":['.repeat(20_000)}${']}'.repeat(20_000)}]}}}`
    const error = refusal(() => briefs.save(brief.id, deep, brief.revision))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/not a valid brief/)
    expect(briefs.get(brief.id)).toMatchObject({ revision: brief.revision, readOnly: false })
    session.close()
  })

  it('stores the text it was given as it is, and counts its words and citations from one parse', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const text = JSON.stringify(withParagraph(brief.content, 'four words right here'))
    const saved = briefs.save(brief.id, text, brief.revision)
    expect((session.db.prepare('SELECT content FROM briefs WHERE id = ?').get(brief.id) as { content: string }).content).toBe(text)
    expect(briefs.revisions(brief.id)[0]!.wordCount).toBeGreaterThanOrEqual(4)
    expect(saved.citationCount).toBe(0)
    session.close()
  })

  it('refuses to save content that is not a brief, keeping the stored one', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const bogus = { format: 'evident-brief', version: 1, editorState: { nope: true } } as SerializedBrief
    expect(() => briefs.save(brief.id, JSON.stringify(bogus))).toThrow(/not a valid brief/)
    expect(briefs.get(brief.id).readOnly).toBe(false)
    session.close()
  })

  it('a brief whose stored JSON is corrupt opens read-only from the last good revision', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    briefs.save(brief.id, JSON.stringify(withParagraph(brief.content, 'kept words')))
    session.db.prepare("UPDATE briefs SET content = '{broken' WHERE id = ?").run(brief.id)
    const opened = briefs.get(brief.id)
    expect(opened.readOnly).toBe(true)
    expect(opened.message).toMatch(/damaged/)
    expect(JSON.stringify(opened.content)).toContain('kept words')
    session.close()
  })

  it('a brief from a newer version opens read-only with a message', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    session.db.prepare('UPDATE briefs SET content = ? WHERE id = ?').run(JSON.stringify({ ...brief.content, version: 99 }), brief.id)
    const opened = briefs.get(brief.id)
    expect(opened.readOnly).toBe(true)
    expect(opened.message).toMatch(/newer version of Evident/)
    session.close()
  })

  it('the core refuses a save over a brief from a newer version, not only the window, and keeps what was stored', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const newer = JSON.stringify({ ...brief.content, version: 99, futureField: 'kept' })
    session.db.prepare('UPDATE briefs SET content = ? WHERE id = ?').run(newer, brief.id)
    const error = refusal(() => briefs.save(brief.id, JSON.stringify(withParagraph(brief.content, 'an older writer’s words'))))
    expect(error.code).toBe('READ_ONLY')
    expect(error.message).toMatch(/saved by a newer version of Evident, so it is read-only here/)
    expect((session.db.prepare('SELECT content FROM briefs WHERE id = ?').get(brief.id) as { content: string }).content).toBe(newer)
    session.close()
  })

  it('keeps a revision history that can be restored', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const first = briefs.revisions(brief.id)[0]!
    briefs.save(brief.id, JSON.stringify(withParagraph(brief.content, 'later words')))
    const restored = briefs.restoreRevision(brief.id, first.id)
    expect(JSON.stringify(restored.content)).not.toContain('later words')
    expect(restored.revision).toBeGreaterThan(brief.revision + 1)
    expect(() => briefs.restoreRevision(brief.id, 999_999)).toThrow(/no longer exists/)
    session.close()
  })

  it('renames, duplicates, deletes and undoes the deletion', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('Old title', 'policy-brief', null)
    briefs.update(brief.id, { title: 'New title', style: 'harvard', notes: 'endnotes' })
    const renamed = briefs.get(brief.id)
    expect(renamed).toMatchObject({ title: 'New title', style: 'harvard', notes: 'endnotes' })
    expect(JSON.stringify(renamed.content)).toContain('New title')
    const copy = briefs.duplicate(brief.id)
    expect(copy).toMatchObject({ title: 'New title (copy)', style: 'harvard' })
    briefs.delete(brief.id)
    expect(briefs.list().map((b) => b.id)).toEqual([copy.id])
    briefs.undelete(brief.id)
    expect(briefs.list()).toHaveLength(2)
    expect(() => briefs.get('missing')).toThrow(/no longer in this project/)
    session.close()
  })

  it('refuses a question that does not exist', () => {
    const { session, briefs } = open(temp())
    expect(() => briefs.create('B', 'blank', 'no-such-question')).toThrow(/question is no longer/)
    expect(briefs.list()).toEqual([])
    session.close()
  })

  it('finds citations in document order', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('B', 'blank', null)
    const snapshot = { claimId: 'c1', statement: 's', quote: 'q', sourceId: null, sourceTitle: 't', shortCitation: 'T 2014', paragraph: 1 }
    const content = withParagraph(brief.content, 'x')
    const root = (content.editorState as { root: { children: { children: unknown[] }[] } }).root
    root.children[root.children.length - 1]!.children.push({ type: 'citation', version: 1, claimId: 'c1', snapshot })
    expect(citationsOf(content).map((c) => c.claimId)).toEqual(['c1'])
    session.close()
  })
})
