import { heading, paragraph, root, text } from '../../electron/core/briefs/nodes'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { SERIALIZED_BRIEF_VERSION, type SerializedBrief } from '@shared/dto/briefs'
import { COMMENTS_KEY, type CommentThread } from '@shared/dto/comments'

/** A MarkNode (@lexical/mark) as the editor saves it, around commented words. */
export function mark(ids: string[], ...words: string[]): SerializedLexicalNode {
  return { type: 'mark', version: 1, ids, children: words.map((w) => text(w)), direction: 'ltr', format: '', indent: 0 }
}

export function thread(id: string, quote: string, ...comments: [author: string, text: string][]): CommentThread {
  return {
    id,
    quote,
    resolved: false,
    comments: comments.map(([author, body], i) => ({ id: `${id}-c${i}`, author, text: body, createdAt: `2026-12-08T00:0${i}:00.000Z` })),
  }
}

/** A brief whose blocks are given and whose root carries these threads, as the editor would save it. */
export function commentedBrief(blocks: SerializedLexicalNode[], threads: CommentThread[]): SerializedBrief {
  const editorState = root([heading('h1', 'Commented brief'), ...blocks])
  editorState.root.$ = { [COMMENTS_KEY]: threads }
  return { format: 'evident-brief', version: SERIALIZED_BRIEF_VERSION, editorState }
}

export { paragraph }
