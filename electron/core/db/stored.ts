import type { z } from 'zod'
import { AppError } from '../errors'

/**
 * Stored JSON read back through its schema. A value that is not JSON or not of its shape means the file was
 * damaged or edited by hand: the analyst gets a CORRUPT_FILE message naming what is damaged, not a crash.
 * `what` is called only on failure ("source “Jones 2014”'s bibliographic record").
 */
export function readStored<T>(schema: z.ZodType<T>, json: string, what: () => string): T {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw damaged(what())
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw damaged(what())
  return parsed.data
}

function damaged(what: string): AppError {
  return new AppError(
    'CORRUPT_FILE',
    `This project's stored record of ${what} is damaged, so it cannot be read. Restore the project from a copy, or import that source again.`,
  )
}

/** "source “Jones 2014”", for readStored's message. */
export function sourceNamed(title: string): string {
  return `source “${title}”`
}

/** "the claim “Trusts run 5% of practices…”", for readStored's message. */
export function claimNamed(statement: string): string {
  return `the claim “${statement.length > 60 ? `${statement.slice(0, 60)}…` : statement}”`
}
