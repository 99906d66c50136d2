import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * A page on any other site can reach 127.0.0.1, and DNS rebinding can even make it same-origin by name.
 * So the Host must name us literally, and an Origin, when a browser sends one, must be our own.
 */
function ownAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && ownAuthorities(port).includes(host.toLowerCase())
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return ownAuthorities(port).some((authority) => origin === `http://${authority}`)
}

/** Hashing first gives equal-length buffers, so neither the content nor the length of the token leaks by timing. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(expected), digest(given))
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer ([^\s]+)$/.exec(header.trim())
  return match?.[1] ?? null
}
