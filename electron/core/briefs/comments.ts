import type { SerializedBrief } from '../../shared/dto/briefs'
import { COMMENTS_KEY, type CommentThread } from '../../shared/dto/comments'
import { commentThreadsSchema } from '../../shared/comment-schema'
import { AppError } from '../errors'
import { rootOf } from './content'
import { walk } from './nodes'

function storedThreads(brief: SerializedBrief): unknown {
  const state = rootOf(brief).$ as Record<string, unknown> | undefined
  return state?.[COMMENTS_KEY]
}

/**
 * The brief's comment threads for a reader (export, CLI). Saving has already checked them, so damage here
 * (a hand-edited file) costs the comments, never the brief.
 */
export function commentThreadsOf(brief: SerializedBrief): CommentThread[] {
  const stored = storedThreads(brief)
  if (stored === undefined) return []
  const parsed = commentThreadsSchema.safeParse(stored)
  return parsed.success ? parsed.data : []
}

/** Refuses a save whose comments break a bound (size, count, control characters), naming the first problem. */
export function assertCommentsValid(brief: SerializedBrief): void {
  const stored = storedThreads(brief)
  if (stored === undefined) return
  const parsed = commentThreadsSchema.safeParse(stored)
  if (!parsed.success) {
    // The schema's own messages are written for the analyst; zod's shape messages are not.
    const message = parsed.error.issues[0]?.message ?? ''
    const why = /^(A|The|Two) /.test(message) ? message : 'its comments are not in a shape Evident stores.'
    throw new AppError('INVALID_INPUT', `The brief could not be saved: ${why}`)
  }
}

/** Ids of the threads whose words are still in the brief (a MarkNode carries them). */
export function anchoredThreadIds(brief: SerializedBrief): Set<string> {
  const ids = new Set<string>()
  for (const node of walk(rootOf(brief))) if (node.type === 'mark' && Array.isArray(node.ids)) for (const id of node.ids) if (typeof id === 'string') ids.add(id)
  return ids
}
