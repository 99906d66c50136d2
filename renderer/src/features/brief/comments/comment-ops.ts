import { $getNodeByKey, $isRangeSelection, type NodeKey, type RangeSelection } from 'lexical'
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark'
import { cleanCommentText, MAX_BRIEF_COMMENTS, MAX_COMMENT_QUOTE_CHARS, type BriefComment, type CommentThread } from '@shared/dto/comments'
import { MAX_AUTHOR_NAME_CHARS } from '@shared/dto/settings'
import { $commentThreads, $setCommentThreads } from './comment-state'

const newId = () => crypto.randomUUID()

function comment(text: string, author: string): BriefComment {
  return { id: newId(), author: cleanCommentText(author).slice(0, MAX_AUTHOR_NAME_CHARS), text: cleanCommentText(text).trim(), createdAt: new Date().toISOString() }
}

function countComments(threads: readonly CommentThread[]): number {
  return threads.reduce((n, t) => n + t.comments.length, 0)
}

export const COMMENT_LIMIT_MESSAGE = `This brief already holds ${MAX_BRIEF_COMMENTS.toLocaleString('en-GB')} comments and replies, as many as one brief can. Resolve and delete some first.`

/** Whether one more comment fits (the core refuses a save past the limit, so the editor never makes one). */
export function $hasRoomForComment(): boolean {
  return countComments($commentThreads()) < MAX_BRIEF_COMMENTS
}

/** Marks the selected words and starts a thread on them; returns its id, or null when nothing is selected. */
export function $startThread(selection: RangeSelection, text: string, author: string): string | null {
  if (!$isRangeSelection(selection) || selection.isCollapsed() || !$hasRoomForComment()) return null
  // The brief's text may hold characters a comment may not (a pasted U+0085): the quote leaves them out too.
  const quote = cleanCommentText(selection.getTextContent()).replace(/\s+/g, ' ').trim().slice(0, MAX_COMMENT_QUOTE_CHARS)
  const id = newId()
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id)
  $setCommentThreads([...$commentThreads(), { id, quote, comments: [comment(text, author)], resolved: false }])
  return id
}

function $changeThread(id: string, change: (thread: CommentThread) => CommentThread): void {
  $setCommentThreads($commentThreads().map((t) => (t.id === id ? change(t) : t)))
}

export function $reply(id: string, text: string, author: string): void {
  if (!$hasRoomForComment()) return
  $changeThread(id, (t) => ({ ...t, comments: [...t.comments, comment(text, author)] }))
}

export function $setResolved(id: string, resolved: boolean): void {
  $changeThread(id, (t) => ({ ...t, resolved }))
}

/** Deleting is the analyst's own choice (a thread whose words went is kept as detached until then). */
export function $deleteThread(id: string, markKeys: Iterable<NodeKey>): void {
  for (const key of markKeys) {
    const mark = $getNodeByKey(key)
    if (!$isMarkNode(mark)) continue
    mark.deleteID(id)
    if (mark.getIDs().length === 0) $unwrapMarkNode(mark)
  }
  $setCommentThreads($commentThreads().filter((t) => t.id !== id))
}
