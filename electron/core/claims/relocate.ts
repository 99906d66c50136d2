import approxSearch from 'approx-string-match'
import type { ClaimAnchor } from '../../shared/dto/claims'

export interface Relocation {
  start: number
  end: number
  /** 0..1: how sure we are this is the same passage. */
  score: number
  method: 'exact' | 'fuzzy'
}

// The quote matters most; the 32 characters either side tell repeated phrases apart; closeness to the
// old position only breaks ties (after an edit everything below it shifts, so it is weak evidence).
const QUOTE_WEIGHT = 50
const CONTEXT_WEIGHT = 20
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + POSITION_WEIGHT

/** Below these a candidate is not the analyst's passage: the claim is orphaned, never silently moved. */
export const MIN_QUOTE_SIMILARITY = 0.75
export const MIN_SCORE = 0.7
/** Edits allowed in the quote, as a share of its length. */
const ERROR_BUDGET = 0.25
const MAX_ERRORS = 256
const MAX_EXACT_OCCURRENCES = 1000

/** 1 for identical, towards 0 as edits pile up; the pattern may match anywhere inside the window. */
export function similarity(window: string, pattern: string): number {
  if (!pattern.length) return 1
  if (!window.length) return 0
  const best = approxSearch(window, pattern, pattern.length)[0]
  return best ? 1 - best.errors / pattern.length : 0
}

function score(text: string, anchor: ClaimAnchor, start: number, end: number, quoteSimilarity: number): number {
  const prefix = similarity(text.slice(Math.max(0, start - anchor.prefix.length), start), anchor.prefix)
  const suffix = similarity(text.slice(end, end + anchor.suffix.length), anchor.suffix)
  const position = 1 - Math.min(1, Math.abs(start - anchor.start) / Math.max(1, text.length))
  return (QUOTE_WEIGHT * quoteSimilarity + CONTEXT_WEIGHT * (prefix + suffix) + POSITION_WEIGHT * position) / MAX_SCORE
}

function exactMatches(text: string, exact: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_EXACT_OCCURRENCES; at = text.indexOf(exact, at + 1)) found.push(at)
  return found
}

function best(candidates: Relocation[]): Relocation | null {
  let top: Relocation | null = null
  for (const candidate of candidates) if (!top || candidate.score > top.score) top = candidate
  return top
}

function fuzzy(text: string, anchor: ClaimAnchor, from: number, to: number): Relocation | null {
  const length = anchor.exact.length
  const budget = Math.min(MAX_ERRORS, Math.max(1, Math.floor(length * ERROR_BUDGET)))
  const candidates: Relocation[] = []
  for (const m of approxSearch(text.slice(from, to), anchor.exact, budget)) {
    const quote = 1 - m.errors / length
    if (quote < MIN_QUOTE_SIMILARITY) continue
    const start = m.start + from
    const end = m.end + from
    candidates.push({ start, end, method: 'fuzzy', score: score(text, anchor, start, end, quote) })
  }
  return best(candidates)
}

/**
 * Where the anchored passage is in a new version of the text, or null if it is gone. Exact occurrences
 * first (context and closeness pick among repeats), then an approximate search allowing edits.
 */
export function relocate(anchor: ClaimAnchor, text: string): Relocation | null {
  if (!anchor.exact) return null
  const exact = exactMatches(text, anchor.exact).map((start) => {
    const end = start + anchor.exact.length
    return { start, end, method: 'exact' as const, score: score(text, anchor, start, end, 1) }
  })
  if (exact.length) return best(exact)

  // Most edits are local: look near the old position first, the whole text only if that fails.
  const reach = anchor.exact.length * 4 + 2000
  const from = Math.max(0, anchor.start - reach)
  const to = Math.min(text.length, anchor.end + reach)
  let found = fuzzy(text, anchor, from, to)
  if ((!found || found.score < MIN_SCORE) && (from > 0 || to < text.length)) found = fuzzy(text, anchor, 0, text.length)
  return found && found.score >= MIN_SCORE ? found : null
}
