/** Every failure that crosses a boundary carries one of these codes and a plain-English message. */
export const ERROR_CODES = [
  'UNSUPPORTED_FORMAT',
  'CORRUPT_FILE',
  'FILE_TOO_LARGE',
  'EMPTY_FILE',
  'NO_TEXT_LAYER',
  'ENCRYPTED',
  'NOT_FOUND',
  'INVALID_INPUT',
  'IO_ERROR',
  'NOT_A_PROJECT',
  'NEWER_PROJECT',
  'READ_ONLY',
  'NO_PROJECT',
  'CONFLICT',
  'IN_USE',
  'CANCELLED',
  'TIMED_OUT',
  'OUT_OF_MEMORY',
  'QUOTE_MISMATCH',
  /** The brief breaks an accessible-document rule (a heading out of order, vague link text...). */
  'NOT_ACCESSIBLE',
  /** A server could not be reached, or answered with an error (the message says which). */
  'NETWORK_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorPayload {
  code: ErrorCode
  message: string
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.message === 'string' && typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code)
}
