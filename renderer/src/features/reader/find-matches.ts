import type { SourceDetail } from '@shared/dto/sources'
import type { TextSpan } from './segments'

export const MAX_FIND_MATCHES = 5000

/** Case-insensitive matches of query inside paragraphs (never across the gap between two paragraphs). */
export function findMatches(detail: SourceDetail | null, query: string): TextSpan[] {
  const needle = query.toLowerCase()
  if (!detail || !needle.trim()) return []
  const matches: TextSpan[] = []
  for (const p of detail.paragraphs) {
    const body = detail.text.slice(p.start, p.end)
    const lower = body.toLowerCase()
    // Lower-casing can change a string's length (İ → i̇); then only exact-case matches keep true offsets.
    const [hay, pin] = lower.length === body.length ? [lower, needle] : [body, query]
    let at = hay.indexOf(pin)
    while (at !== -1) {
      matches.push({ start: p.start + at, end: p.start + at + pin.length })
      if (matches.length >= MAX_FIND_MATCHES) return matches
      at = hay.indexOf(pin, at + Math.max(pin.length, 1))
    }
  }
  return matches
}

/** Chromium's CSS Custom Highlight API paints matches without touching the DOM the selection code reads. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}
