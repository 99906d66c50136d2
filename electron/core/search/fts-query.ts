/**
 * Turns whatever the analyst typed into a safe FTS5 query: words and "quoted phrases" are kept, a trailing
 * * makes a prefix search, and everything else (unbalanced quotes, bare AND/OR/NOT/NEAR, lone *, column
 * filters, punctuation) is treated as plain words. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = []
  const pattern = /"([^"]*)"|(\S+)/g
  for (const match of input.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const words = wordsOf(match[1])
      if (words.length) terms.push(`"${words.join(' ')}"`)
      continue
    }
    const raw = match[2]!
    const prefix = /\w\*+$/u.test(raw)
    for (const [i, word] of wordsOf(raw).entries()) {
      const last = i === wordsOf(raw).length - 1
      terms.push(prefix && last ? `"${word}"*` : `"${word}"`)
    }
  }
  return terms.length ? terms.join(' ') : null
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}
