// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $isMarkNode } from '@lexical/mark'
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $isParagraphNode, $isTextNode } from 'lexical'
import { anchoredThreadIds, commentThreadsOf } from '../../electron/core/briefs/comments'
import { parseStoredBrief } from '../../electron/core/briefs/content'
import { headlessBriefEditor } from '../helpers/headless-brief-editor'
import { $deleteThread, $reply, $setResolved, $startThread } from '../../renderer/src/features/brief/comments/comment-ops'
import { $commentThreads } from '../../renderer/src/features/brief/comments/comment-state'

function setup() {
  const { editor, cache, edit } = headlessBriefEditor('comments')
  edit(() => $getRoot().append($createParagraphNode().append($createTextNode('Hospital trusts run practices in some areas.'))))
  // What autosave sends, read back as the core reads it.
  return { editor, edit, saved: () => parseStoredBrief(cache.serialize(editor.getEditorState()), 'blank') }
}

/** Selects characters [from, to) of the first paragraph's text. */
function $select(from: number, to: number) {
  const text = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getFirstChildOrThrow()
  const selection = $createRangeSelection()
  selection.anchor.set(text.getKey(), from, 'text')
  selection.focus.set(text.getKey(), to, 'text')
  return selection
}

describe('comments on the brief’s words, as the editor keeps them', () => {
  it('marks the selected words, and autosave carries the thread, its reply and its resolution to the core', () => {
    const { edit, saved } = setup()
    let id: string | null = null
    edit(() => (id = $startThread($select(16, 29), 'Which areas?', 'Ann Analyst')))
    edit(() => $reply(id!, 'Wolverhampton,\u0007 for one.', 'Ben Reviewer'))
    edit(() => $setResolved(id!, true))
    const result = saved()
    if (!result.ok) throw new Error('not saved')
    const [thread] = commentThreadsOf(result.brief)
    expect(thread).toMatchObject({ id, quote: 'run practices', resolved: true })
    // The bell was left out on the way in, so the core accepts what the editor sends.
    expect(thread!.comments.map((c) => [c.author, c.text])).toEqual([['Ann Analyst', 'Which areas?'], ['Ben Reviewer', 'Wolverhampton, for one.']])
    expect([...anchoredThreadIds(result.brief)]).toEqual([id])
  })

  it('words holding a control character (a pasted U+0085) are quoted without it, so the save is still accepted', () => {
    const { edit, saved } = setup()
    edit(() => $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getFirstChildOrThrow<ReturnType<typeof $createTextNode>>().setTextContent('Hospital\u0085trusts run practices.'))
    edit(() => void $startThread($select(0, 15), 'Odd character here.', 'Ann'))
    const result = saved()
    if (!result.ok) throw new Error('not saved')
    expect(commentThreadsOf(result.brief)[0]!.quote).toBe('Hospitaltrusts')
  })

  it('deleting the commented words leaves the thread (detached), and deleting the thread unwraps its words', () => {
    const { edit, saved } = setup()
    let id: string | null = null
    edit(() => (id = $startThread($select(16, 29), 'Which areas?', 'Ann')))
    edit(() => {
      const paragraph = $getRoot().getFirstChildOrThrow()
      if ($isParagraphNode(paragraph)) paragraph.getChildren().filter($isMarkNode).forEach((m) => m.remove())
    })
    const detached = saved()
    if (!detached.ok) throw new Error('not saved')
    expect(commentThreadsOf(detached.brief).map((t) => t.id)).toEqual([id])
    expect(anchoredThreadIds(detached.brief).size).toBe(0)

    const other = setup()
    let second: string | null = null
    other.edit(() => (second = $startThread($select(0, 8), 'Which trusts?', 'Ann')))
    const keys = other.editor.getEditorState().read(() => $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getChildren().filter($isMarkNode).map((m) => m.getKey()))
    other.edit(() => $deleteThread(second!, keys))
    other.editor.getEditorState().read(() => {
      expect($commentThreads()).toEqual([])
      const children = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getChildren()
      expect(children.every($isTextNode)).toBe(true)
      expect($getRoot().getTextContent()).toBe('Hospital trusts run practices in some areas.')
    })
  })
})
