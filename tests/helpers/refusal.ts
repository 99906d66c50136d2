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
