/**
 * A long text told as its difference from the one sent before it: how much of the start and of the end the two
 * share, and what stands between. A keystroke in a 60-page brief changes a few characters of ~1.4 MB of JSON,
 * and copying the whole text to the invoke worker cost the page 3–10 ms per save (and as much again in
 * garbage); the difference costs it a comparison of the two texts, well under a millisecond.
 */
export interface TextDelta {
  /** Characters the new text shares with the start of the old one. */
  prefix: number
  /** Characters it shares with the end of the old one (after the prefix). */
  suffix: number
  /** What stands between them in the new text. */
  middle: string
}

/** Compared a stretch at a time: each comparison is one native string compare, not a loop over characters. */
const STRETCH = 4096

function sharedPrefix(a: string, b: string, limit: number): number {
  let at = 0
  while (at + STRETCH <= limit && a.slice(at, at + STRETCH) === b.slice(at, at + STRETCH)) at += STRETCH
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++
  return at
}

function sharedSuffix(a: string, b: string, limit: number): number {
  let n = 0
  while (n + STRETCH <= limit && a.slice(a.length - n - STRETCH, a.length - n) === b.slice(b.length - n - STRETCH, b.length - n)) n += STRETCH
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++
  return n
}

export function textDelta(before: string, after: string): TextDelta {
  const prefix = sharedPrefix(before, after, Math.min(before.length, after.length))
  // Never past the prefix in either text, so the two ends cannot overlap.
  const suffix = sharedSuffix(before, after, Math.min(before.length, after.length) - prefix)
  return { prefix, suffix, middle: after.slice(prefix, after.length - suffix) }
}

export function applyTextDelta(before: string, delta: TextDelta): string {
  return before.slice(0, delta.prefix) + delta.middle + before.slice(before.length - delta.suffix)
}
