import type { z } from 'zod'
import { AppError } from '../errors'

/**
 * Stored JSON read back through its schema. A value that is not JSON or not of its shape means the file was
 * damaged or edited by hand: the analyst gets a CORRUPT_FILE message naming what is damaged, not a crash.
 * `what` is called only on failure ("source “Jones 2014”'s bibliographic record").
 */
export function readStored<T>(schema: z.ZodType<T>, json: string, what: () => string): T {
  const value = parseChecked(schema, json)
  if (value === undefined) throw damaged(what())
  return value
}

/**
 * `text` parsed as JSON and checked by `schema`, or undefined when it is not JSON or not of that shape: for a
 * file Evident may find damaged or half-written (a lock, the recent list) and then reads as absent.
 */
export function parseChecked<T>(schema: z.ZodType<T>, text: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** A JSON file that ships with Evident (the starter corpus's manifests), read through its schema; damaged, it says so. */
export function readBundled<T>(schema: z.ZodType<T>, file: string, text: string): T {
  const value = parseChecked(schema, text)
  if (value === undefined) throw new AppError('CORRUPT_FILE', `Evident's own file “${file}” is damaged, so it cannot be read. Install Evident again.`)
  return value
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
