import { useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey } from 'lexical'
import { $isMarkNode } from '@lexical/mark'
import type { CommentThread } from '@shared/dto/comments'
import { ThreadCard } from './ThreadCard'
import { $deleteThread, $reply, $setResolved } from './comment-ops'
import { useAuthorName } from './CommentsPlugin'
import { useCommentThreads } from './useCommentThreads'

/**
 * Every comment thread of the brief: open ones first, then those whose words were deleted ("detached", kept
 * until the analyst deletes them), then the resolved ones on request. Choosing a thread's words jumps there.
 */
export function CommentsPane() {
  const [editor] = useLexicalComposerContext()
  const { threads, anchors, active } = useCommentThreads()
  const [showResolved, setShowResolved] = useState(false)
  const authorName = useAuthorName()
  const editable = editor.isEditable()

  const isDetached = (t: CommentThread) => !anchors.get(t.id)?.length
  const open = threads.filter((t) => !t.resolved && !isDetached(t))
  const detached = threads.filter((t) => !t.resolved && isDetached(t))
  const resolved = threads.filter((t) => t.resolved)

  function jump(thread: CommentThread) {
    const key = anchors.get(thread.id)?.[0]
    if (!key) return
    editor.update(() => {
      const mark = $getNodeByKey(key)
      if ($isMarkNode(mark)) mark.select(0, mark.getChildrenSize())
    })
    editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
    editor.focus()
  }

  const actions = {
    jump,
    reply: async (thread: CommentThread, text: string) => {
      const author = await authorName()
      editor.update(() => $reply(thread.id, text, author), { discrete: true })
    },
    resolve: (thread: CommentThread, value: boolean) => editor.update(() => $setResolved(thread.id, value), { discrete: true }),
    remove: (thread: CommentThread) => editor.update(() => $deleteThread(thread.id, anchors.get(thread.id) ?? []), { discrete: true }),
  }
  const card = (t: CommentThread) => <ThreadCard key={t.id} thread={t} detached={isDetached(t)} active={active.includes(t.id)} editable={editable} actions={actions} />

  return (
    <section className="comments-pane" aria-label="Comments">
      {threads.length === 0 && <p className="pane-empty">No comments yet. Select words in the brief, then Comment (Ctrl+Alt+M).</p>}
      {open.length > 0 && <ul className="comment-threads" aria-label="Open comments">{open.map(card)}</ul>}
      {detached.length > 0 && (
        <>
          <h3 className="comments-group">Detached ({detached.length})</h3>
          <p className="comments-note">The words these comments were on have been deleted. They are kept here until you delete them.</p>
          <ul className="comment-threads" aria-label="Detached comments">{detached.map(card)}</ul>
        </>
      )}
      {resolved.length > 0 && (
        <>
          <button type="button" className="link-button comments-group" aria-expanded={showResolved} onClick={() => setShowResolved((v) => !v)}>
            {showResolved ? 'Hide' : 'Show'} resolved ({resolved.length})
          </button>
          {showResolved && <ul className="comment-threads" aria-label="Resolved comments">{resolved.map(card)}</ul>}
        </>
      )}
    </section>
  )
}
