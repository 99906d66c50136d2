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

/** C0 controls other than tab and newline, DEL and the C1 block: nothing a person types into a comment. */
export const COMMENT_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u

/** Strips what a comment cannot carry, for text typed or pasted into the comment box. */
export function cleanCommentText(text: string): string {
  return text.replace(new RegExp(COMMENT_CONTROL_CHARACTERS.source, 'gu'), '').slice(0, MAX_COMMENT_CHARS)
}

const isText = (v: unknown): v is string => typeof v === 'string'
const isComment = (c: unknown): c is BriefComment => {
  const x = c as BriefComment | null
  return typeof x === 'object' && x !== null && isText(x.id) && isText(x.author) && isText(x.text) && isText(x.createdAt)
}

/**
 * The shape of a stored thread, for the editor reading what the core stored (the core's zod schema,
 * shared/comment-schema.ts, checked its bounds on save; zod stays out of the window's bundle, whose CSP
 * refuses the eval zod probes for).
 */
export function isCommentThread(t: unknown): t is CommentThread {
  const x = t as CommentThread | null
  return typeof x === 'object' && x !== null && isText(x.id) && isText(x.quote) && typeof x.resolved === 'boolean' && Array.isArray(x.comments) && x.comments.length > 0 && x.comments.every(isComment)
}
