import type { ErrorCode, ErrorPayload } from '../shared/errors'
import { isErrorPayload } from '../shared/errors'

/** A failure with a code and a message written for the analyst, not the developer. */
export class AppError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/** What crosses a boundary: never a stack trace, never an internal path the user did not give us. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  if (isErrorPayload(error)) return { code: error.code, message: error.message }
  return { code: 'INTERNAL', message: 'Something went wrong inside Evident. Nothing was changed.' }
}
