import { expect } from 'vitest'
import type { ErrorCode } from '@shared/errors'
import { AppError } from '../../electron/core/errors'

/** Runs something the core must refuse and returns the refusal, so a test can check its code and message. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the core to refuse')
}

/** Awaits work the core must refuse and checks the refusal: its code and its message (text, or a matcher). */
export async function rejectsWith(work: Promise<unknown>, code: ErrorCode, message: unknown): Promise<void> {
  await expect(work).rejects.toMatchObject({ code, message })
}
