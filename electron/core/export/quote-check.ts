import type { QuoteStatus } from '../../shared/dto/citations'
import { paragraphAt } from '../sources/assemble'
import type { CitedClaim, CitedSource } from './cited'

export interface QuoteVerdict {
  status: QuoteStatus
  detail: string
  /** What the source says now where the quote was (status 'changed'). */
  found?: string
  /** Where a reader finds the words now: the anchor's place, or where they moved to. */
  paragraph: number
  page?: string
}

const CLIP = 80

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= CLIP ? flat : `${flat.slice(0, CLIP - 1)}…`
}

const WORDY = /[\p{L}\p{N}'’-]/u
const DIGIT = /\p{N}/u

/** Letters, digits, in-word marks, and the separators of a number: "rising" and "6,000", not "rising,". */
function inWord(text: string, i: number): boolean {
  const ch = text[i] ?? ''
  if (WORDY.test(ch)) return true
  return (ch === ',' || ch === '.') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')
}

/**
 * "The quote says “6,000 more GPs” but the source now says “5,000 more GPs”": the part that differs, widened
 * to whole words so the analyst recognises it without diffing two paragraphs by eye.
 */
export function describeChange(expected: string, found: string): string {
  if (!found) return 'The source text is shorter now: nothing stands where the quote was.'
  let head = 0
  while (head < expected.length && head < found.length && expected[head] === found[head]) head++
  let tail = 0
  while (tail < expected.length - head && tail < found.length - head && expected[expected.length - 1 - tail] === found[found.length - 1 - tail]) tail++
  while (head > 0 && inWord(expected, head - 1)) head--
  // The shared tail is identical in both strings, so widening it by the same amount keeps them aligned.
  let widen = 0
  while (tail - widen > 0 && inWord(expected, expected.length - tail + widen)) widen++
  tail -= widen
  const was = expected.slice(head, expected.length - tail).trim()
  const now = found.slice(head, found.length - tail).trim()
  return `The quote says “${clip(was) || '…'}” but the source now says “${clip(now) || '…'}”.`
}

/** The occurrence of `quote` nearest the old anchor: a source re-imported with an extra paragraph still counts. */
function refind(text: string, quote: string, near: number): number {
  let best = -1
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at
  }
  return best
}

/**
 * Where the quoted passage stands now, by its TextQuote context: the text between the anchor's prefix and its
 * suffix. A word replaced by a shorter one then reads "sidelined", not "sidelined, warn" cut at the old length.
 */
function currentSpan(text: string, anchor: CitedClaim['anchor']): { start: number; end: number } {
  const length = anchor.end - anchor.start
  let start = anchor.start
  const { prefix, suffix } = anchor
  if (prefix && text.slice(start - prefix.length, start) !== prefix) {
    const at = text.indexOf(prefix, Math.max(0, start - prefix.length - 200))
    if (at >= 0 && Math.abs(at + prefix.length - start) <= 200) start = at + prefix.length
  }
  let end = Math.min(text.length, start + length)
  if (suffix) {
    const at = text.indexOf(suffix, start)
    if (at >= 0 && at <= start + length * 2 + 200) end = at
  }
  return { start, end }
}

/**
 * Compares a claim's verbatim quote with the stored source text it is anchored to, and with the words the
 * brief cited: a claim re-anchored to a revised source carries the new wording, which the analyst's
 * sentence in the brief may not fit any more.
 */
export function checkQuote(claim: CitedClaim, source: CitedSource | undefined, citedQuote?: string): QuoteVerdict {
  const verdict = checkAgainstSource(claim, source)
  if (verdict.status === 'ok' && citedQuote && citedQuote !== claim.quote) {
    return { ...verdict, status: 'changed', found: claim.quote, detail: describeChange(citedQuote, claim.quote) }
  }
  return verdict
}

function checkAgainstSource(claim: CitedClaim, source: CitedSource | undefined): QuoteVerdict {
  const { anchor } = claim
  const here = { paragraph: anchor.paragraph, ...(anchor.page !== undefined ? { page: anchor.page } : {}) }
  if (!source || !claim.sourceId) {
    return { status: 'orphaned', detail: `Its source “${claim.sourceTitle}” was removed from the project, so the quote cannot be checked.`, ...here }
  }
  // Nothing was quoted, so nothing can stop matching; the report lists it as "cited without a quote".
  if (claim.wholeWork) return { status: 'ok', detail: 'Cited as a whole work, without a quote.', ...here }
  if (claim.status === 'orphaned') {
    return {
      status: 'orphaned',
      detail: `The quoted words are no longer in the current version of “${source.title}”. Re-attach the claim to the passage that now supports it.`,
      ...here,
    }
  }
  const atAnchor = source.text.slice(anchor.start, anchor.end)
  if (atAnchor === claim.quote) return { status: 'ok', detail: 'The quote matches the source.', ...here }
  // Re-anchoring found the passage but not the cited words: "changed in the source", awaiting the analyst.
  if (atAnchor === anchor.exact && claim.quote) {
    return { status: 'changed', found: atAnchor, detail: `Changed in the source. ${describeChange(claim.quote, atAnchor)} Accept the new words or keep yours on the claim.`, ...here }
  }
  const moved = claim.quote ? refind(source.text, claim.quote, anchor.start) : -1
  if (moved >= 0) {
    const paragraph = paragraphAt(source.paragraphs, moved)
    const where = paragraph ? { paragraph: paragraph.number, ...(paragraph.page !== undefined ? { page: paragraph.page } : {}) } : here
    return { status: 'ok', detail: `The quote matches the source at ¶ ${where.paragraph} (it moved from ¶ ${anchor.paragraph}).`, ...where }
  }
  const span = currentSpan(source.text, anchor)
  const found = source.text.slice(span.start, span.end)
  return { status: 'changed', found, detail: describeChange(claim.quote, found), ...here }
}
