/**
 * Text reduced to what survives every way a PDF's words can be laid out: no white space, no hyphens (a
 * word broken at a line end is joined in the clean text but not on the page), compatibility forms folded
 * (ligatures such as "ﬁ"), lower case. The Original view matches quotes and selections between the page's
 * glyphs and the clean text in this form, and `at` maps each kept character back to its place in the input.
 */
export interface Compact {
  text: string
  /** For each UTF-16 unit of `text`, the index in the input string it came from. */
  at: number[]
}

// The zero-width joiner stands apart: inside a class it would read as joining its neighbours.
const DROPPED = /[\s\u00ad\u2010\u2011\u002d\u200b\u200c\ufeff]|\u200d/u

export function compact(input: string): Compact {
  const parts: string[] = []
  const at: number[] = []
  for (let i = 0; i < input.length; ) {
    const width = input.codePointAt(i)! > 0xffff ? 2 : 1
    const ch = input.slice(i, i + width)
    if (!DROPPED.test(ch)) {
      // Plain ASCII letters need no folding beyond case; only the rest pays for NFKC.
      const folded = ch.charCodeAt(0) < 128 ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase()
      for (const unit of folded) {
        if (DROPPED.test(unit)) continue
        parts.push(unit)
        for (let k = 0; k < unit.length; k++) at.push(i)
      }
    }
    i += width
  }
  return { text: parts.join(''), at }
}

/** The input span [start, end) that compact units [from, to) came from. */
export function inputSpan(c: Compact, from: number, to: number, input: string): { start: number; end: number } {
  const start = c.at[from]!
  const last = c.at[to - 1]!
  const width = input.codePointAt(last)! > 0xffff ? 2 : 1
  return { start, end: last + width }
}
