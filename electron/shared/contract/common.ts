import { z } from 'zod'
import { MAX_NAME_CHARS, MAX_PATH_CHARS } from '../limits'

export const empty = z.object({}).strict()
export const id = z.string().min(1, 'An id is required.').max(64, 'That id is too long.')
export const path = z
  .string()
  .min(1, 'A file path is required.')
  .max(MAX_PATH_CHARS, `A file path may be at most ${MAX_PATH_CHARS} characters.`)
  .refine((p) => !p.includes('\0'), 'A file path cannot contain a NUL character.')
/** What a door mints for a file the analyst chose (core/app/file-handles.ts): 32 random bytes, base64url. */
export const FILE_HANDLE_PATTERN = /^fh_[A-Za-z0-9_-]{43}$/
export const fileHandle = z
  .string()
  .max(100, 'That is not a file handle. Choose the file again.')
  .regex(FILE_HANDLE_PATTERN, 'That is not a file handle. Choose the file again (Evident takes no file path from its window).')
export const name = z.string().trim().min(1, 'A name is required.').max(MAX_NAME_CHARS, `A name may be at most ${MAX_NAME_CHARS} characters.`)
export const offset = z.number().int().min(0)
