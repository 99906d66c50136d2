import { $getRoot, $getState, $setState, createState } from 'lexical'
import { COMMENTS_KEY, isCommentThread, type CommentThread } from '@shared/dto/comments'

const NONE: readonly CommentThread[] = Object.freeze([])

/** One stored thread kept or left out on its own, so a damaged one never takes the others with it. */
function parseThreads(value: unknown): readonly CommentThread[] {
  if (!Array.isArray(value)) return NONE
  const threads = value.filter(isCommentThread)
  return threads.length ? threads : NONE
}

/**
 * The brief's comment threads as node state on the root (`"$": {"comments": [...]}`): saved by autosave with the
 * root, kept in every revision, and undone/redone with the marks they belong to.
 */
export const commentsState = createState(COMMENTS_KEY, { parse: parseThreads })

export function $commentThreads(): readonly CommentThread[] {
  return $getState($getRoot(), commentsState)
}

export function $setCommentThreads(threads: readonly CommentThread[]): void {
  $setState($getRoot(), commentsState, threads.length ? threads : NONE)
}
