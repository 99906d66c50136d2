import { z } from 'zod'
import { COMMENT_CONTROL_CHARACTERS as CONTROL, MAX_BRIEF_COMMENTS, MAX_COMMENT_CHARS, MAX_COMMENT_ID_CHARS, MAX_COMMENT_QUOTE_CHARS, type CommentThread } from './dto/comments'
import { MAX_AUTHOR_NAME_CHARS } from './dto/settings'

const id = z.string().min(1).max(MAX_COMMENT_ID_CHARS).regex(/^[A-Za-z0-9_-]+$/, 'A comment id is letters, digits, - and _ only.')
const plain = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} can be at most ${max.toLocaleString('en-GB')} characters.`)
    .refine((s) => !CONTROL.test(s), `${what} holds control characters, which a comment cannot carry.`)

const comment = z
  .object({
    id,
    author: plain(MAX_AUTHOR_NAME_CHARS, "A comment's author"),
    text: plain(MAX_COMMENT_CHARS, 'A comment').refine((s) => s.trim() !== '', 'A comment cannot be empty.'),
    createdAt: z.string().max(40),
  })
  .strict()

const thread = z
  .object({ id, quote: plain(MAX_COMMENT_QUOTE_CHARS, 'The commented words'), comments: z.array(comment).min(1), resolved: z.boolean() })
  .strict()

/** The threads a brief may store: each bounded, and at most MAX_BRIEF_COMMENTS comments and replies in all. */
export const commentThreadsSchema: z.ZodType<CommentThread[]> = z
  .array(thread)
  .max(MAX_BRIEF_COMMENTS, `A brief can hold at most ${MAX_BRIEF_COMMENTS.toLocaleString('en-GB')} comments and replies.`)
  .refine((threads) => threads.reduce((n, t) => n + t.comments.length, 0) <= MAX_BRIEF_COMMENTS, {
    message: `A brief can hold at most ${MAX_BRIEF_COMMENTS.toLocaleString('en-GB')} comments and replies.`,
  })
  .refine((threads) => new Set(threads.map((t) => t.id)).size === threads.length, { message: 'Two comment threads share one id.' })

