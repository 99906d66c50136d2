import { randomUUID } from 'node:crypto'

/** Short, URL-safe, random ids: 16 hex chars from a UUID is ample for one project's rows. */
export function newId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16)
}

export function nowIso(): string {
  return new Date().toISOString()
}
