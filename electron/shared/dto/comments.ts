/**
 * Comments on a brief's words. A thread is anchored by Lexical MarkNodes (@lexical/mark) carrying its id
 * around the commented words; the threads themselves are node state on the brief's root (`"$": {"comments":
 * [...]}`), so they are saved, revised, restored and undone with the text they talk about (docs/architecture.md).
 * A thread whose marks are all gone (its words deleted) is "detached": kept, never dropped.
 */

export interface BriefComment {
  id: string
  /** The analyst's name from Settings when the comment was written ("" when none was set). */
  author: string
  text: string
  /** ISO 8601. */
  createdAt: string
}

export interface CommentThread {
  id: string
  /** The commented words as they were when the thread was started: what a detached thread still shows. */
  quote: string
  /** The first comment, then the replies in the order written. Never empty. */
  comments: BriefComment[]
  resolved: boolean
}

/** Root node state key. */
export const COMMENTS_KEY = 'comments'

export const MAX_COMMENT_CHARS = 10_000
export const MAX_COMMENT_QUOTE_CHARS = 1_000
/** Comments and replies together, per brief. */
export const MAX_BRIEF_COMMENTS = 2_000
export const MAX_COMMENT_ID_CHARS = 64
