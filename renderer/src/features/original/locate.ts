import { compact, inputSpan, type Compact } from './compact'

export interface Span {
  start: number
  end: number
}

export interface QuoteAnchor {
  exact: string
  prefix: string
  suffix: string
}

/** Context characters (in compact form) that pick the right one among repeated words. */
const CONTEXT = 12
/** Below this many compact characters a quote is only looked for whole, never as a page-boundary part. */
const PART = 24

function firstOf(haystack: string, needles: { text: string; lead: number }[], from = 0, to = haystack.length): { at: number; lead: number } | null {
  for (const { text, lead } of needles) {
    if (!text) continue
    const at = haystack.indexOf(text, from)
    if (at >= 0 && at + text.length <= to) return { at: at + lead, lead }
  }
  return null
}

/**
 * Where a claim's quote lies in one page's text, as a span of that text; null when it is not on the page.
 * The anchor's prefix and suffix decide between repeats. A quote that runs over a page break is found by
 * its head at this page's end or its tail at the page's start, and marked there.
 */
export function locateQuote(page: Compact, pageText: string, anchor: QuoteAnchor): Span | null {
  const q = compact(anchor.exact).text
  if (!q) return null
  const pre = compact(anchor.prefix).text.slice(-CONTEXT)
  const suf = compact(anchor.suffix).text.slice(0, CONTEXT)
  const whole = firstOf(page.text, [
    { text: pre + q + suf, lead: pre.length },
    { text: pre + q, lead: pre.length },
    { text: q + suf, lead: 0 },
    { text: q, lead: 0 },
  ])
  if (whole) return inputSpan(page, whole.at, whole.at + q.length, pageText)
  if (q.length <= 2 * PART) return null
  const head = q.slice(0, PART)
  const h = page.text.lastIndexOf(head)
  if (h >= 0 && page.text.length - h < q.length) return inputSpan(page, h, page.text.length, pageText)
  const tail = q.slice(-PART)
  const t = page.text.indexOf(tail)
  if (t >= 0 && t + PART < q.length) return inputSpan(page, Math.max(0, t + PART - q.length), t + PART, pageText)
  return null
}

/** The compact index of the first unit that comes from input offset `offset` or later. */
function compactIndex(c: Compact, offset: number): number {
  let lo = 0
  let hi = c.at.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c.at[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The clean-text span of words selected on a page: the same words, looked for first where the clean text
 * has this page's paragraphs (`near`), with the page's words just before the selection to tell repeats apart.
 */
export function locateSelection(source: Compact, sourceText: string, selected: string, before: string, near: Span | null): Span | null {
  const sel = compact(selected).text
  if (!sel) return null
  const ctx = compact(before).text.slice(-CONTEXT)
  const needles = [
    { text: ctx + sel, lead: ctx.length },
    { text: sel, lead: 0 },
  ]
  const found =
    (near && firstOf(source.text, needles, compactIndex(source, near.start), compactIndex(source, near.end))) || firstOf(source.text, needles)
  return found ? inputSpan(source, found.at, found.at + sel.length, sourceText) : null
}
