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

/**
 * SQLite's own failures that say something true about the machine (a full disk, a file made read-only, a
 * failing drive), in the analyst's words. A statement that fails rolls back its transaction, so each can
 * say that nothing was changed.
 */
function sqlitePayload(error: unknown): ErrorPayload | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL') return { code: 'IO_ERROR', message: 'The disk is full, so the change was not saved. Free some space and try again.' }
  if (code.startsWith('SQLITE_READONLY')) {
    return { code: 'READ_ONLY', message: 'This project is read-only here (opened read-only, or its file or folder can no longer be written), so the change was not saved.' }
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return { code: 'IO_ERROR', message: 'The project file could not be written (the disk or its connection failed), so the change was not saved.' }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'IN_USE', message: 'The project is busy with another change: try again in a moment.' }
  return null
}

/** What crosses a boundary: never a stack trace, never an internal path the user did not give us. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  if (isErrorPayload(error)) return { code: error.code, message: error.message }
  return sqlitePayload(error) ?? { code: 'INTERNAL', message: 'Something went wrong inside Evident. Nothing was changed.' }
}
