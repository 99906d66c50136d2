import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchoredThreadIds, commentThreadsOf } from '../../electron/core/briefs/comments'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { ProjectSession } from '../../electron/core/project/session'
import { MAX_BRIEF_COMMENTS } from '@shared/dto/comments'
import { commentedBrief, mark, paragraph, thread } from '../helpers/commented-brief'
import { useTempDir } from '../helpers/temp'

let projects = 0
function open(dir: string) {
  const session = ProjectSession.create(join(dir, `comments-${++projects}.evident`))
  const briefs = new BriefRepository(session.db)
  return { session, briefs, brief: briefs.create('Commented brief', 'blank', null) }
}

const onWords = () => commentedBrief([paragraph('Hospital trusts ', mark(['t1'], 'run practices'), ' in some areas.')], [thread('t1', 'run practices', ['Ann Analyst', 'Which areas?'], ['Ben Reviewer', 'Wolverhampton.'])])

describe('comments are kept with the brief', () => {
  const temp = useTempDir()

  it('a commented brief is saved and reopened with its thread, replies and the marked words', () => {
    const { session, briefs, brief } = open(temp())
    briefs.save(brief.id, JSON.stringify(onWords()))
    const reopened = briefs.get(brief.id).content
    expect(commentThreadsOf(reopened)).toEqual(commentThreadsOf(onWords()))
    expect(commentThreadsOf(reopened)[0]!.comments.map((c) => c.author)).toEqual(['Ann Analyst', 'Ben Reviewer'])
    expect([...anchoredThreadIds(reopened)]).toEqual(['t1'])
    session.close()
  })

  it('a thread whose words were deleted stays in the brief, detached, and a restored revision brings words and thread back together', () => {
    const { session, briefs, brief } = open(temp())
    briefs.save(brief.id, JSON.stringify(onWords()))
    const withWords = briefs.revisions(brief.id)[0]!.id
    const deleted = commentedBrief([paragraph('Hospital trusts in some areas.')], commentThreadsOf(onWords()))
    // A later save in the same minute extends the revision; pin a version to come back to first, as Restore does.
    session.db.prepare('UPDATE brief_revisions SET pinned = 1 WHERE id = ?').run(withWords)
    briefs.save(brief.id, JSON.stringify(deleted))
    const now = briefs.get(brief.id).content
    expect(commentThreadsOf(now).map((t) => t.id)).toEqual(['t1'])
    expect(anchoredThreadIds(now).size).toBe(0)
    const restored = briefs.restoreRevision(brief.id, withWords).content
    expect([...anchoredThreadIds(restored)]).toEqual(['t1'])
    expect(commentThreadsOf(restored)[0]!.comments).toHaveLength(2)
    session.close()
  })
})

describe('bad comments are refused with a plain message and the brief is unchanged', () => {
  const temp = useTempDir()

  function refused(threads: ReturnType<typeof thread>[], message: RegExp) {
    const { session, briefs, brief } = open(temp())
    const before = session.db.prepare('SELECT content, revision FROM briefs WHERE id = ?').get(brief.id)
    const hostile = commentedBrief([paragraph(mark(['t1'], 'words'))], threads)
    expect(() => briefs.save(brief.id, JSON.stringify(hostile))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(message) }))
    expect(session.db.prepare('SELECT content, revision FROM briefs WHERE id = ?').get(brief.id)).toEqual(before)
    session.close()
  }

  it('a 1 MB comment', () => refused([thread('t1', 'words', ['Ann', 'x'.repeat(1024 * 1024)])], /A comment can be at most 10,000 characters/))

  it('a comment with control characters', () => refused([thread('t1', 'words', ['Ann', 'bell \u0007 and escape \u001b[31m'])], /control characters/))

  it('10,000 comments', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => thread(`t${i}`, 'words', ['Ann', `Comment ${i}`]))
    refused(many, new RegExp(`at most ${MAX_BRIEF_COMMENTS.toLocaleString('en-GB')} comments`))
  })

  it('an empty comment, and threads that are not the stored shape', () => {
    refused([thread('t1', 'words', ['Ann', '   '])], /cannot be empty/)
    refused([{ id: 't1', quote: 'words', comments: [], resolved: false }], /not in a shape Evident stores/)
    refused([{ ...thread('t1', 'words', ['Ann', 'Hi']), extra: 'field' } as never], /not in a shape Evident stores/)
  })
})
