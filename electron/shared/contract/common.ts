import { z } from 'zod'
import { MAX_NAME_CHARS, MAX_PATH_CHARS } from '../limits'

export const empty = z.object({}).strict()
export const id = z.string().min(1, 'An id is required.').max(64, 'That id is too long.')
export const path = z
  .string()
  .min(1, 'A file path is required.')
  .max(MAX_PATH_CHARS, `A file path may be at most ${MAX_PATH_CHARS} characters.`)
  .refine((p) => !p.includes('\0'), 'A file path cannot contain a NUL character.')
export const name = z.string().trim().min(1, 'A name is required.').max(MAX_NAME_CHARS, `A name may be at most ${MAX_NAME_CHARS} characters.`)
export const offset = z.number().int().min(0)
