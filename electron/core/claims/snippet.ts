import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/dto/sources'

const SNIPPET_TOKENS = 24
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu

interface Token {
  folded: string
  start: number
  end: number
}

interface Phrase {
  words: string[]
  prefix: boolean
}

/** The same folding as the index's tokenizer (unicode61, remove_diacritics 2): case and accents ignored. */
export function fold(word: string): string {
  // Most words are plain ASCII: skip the costly decomposition for them.
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ folded: fold(m[0]), start: m.index, end: m.index + m[0].length }))
}

/** The phrases of a query made by toFtsQuery: `"word"`, `"two words"`, `"prefix"*`. */
export function phrasesOf(match: string): Phrase[] {
  return [...match.matchAll(/"([^"]*)"(\*)?/g)]
    .map((m) => ({ words: (m[1] ?? '').split(' ').filter(Boolean).map(fold), prefix: m[2] === '*' }))
    .filter((p) => p.words.length > 0)
}

function wordMatches(token: string, word: string, prefix: boolean): boolean {
  return prefix ? token.startsWith(word) : token === word
}

/** Which tokens belong to an occurrence of a phrase, and how many different phrases occur. */
function hits(list: Token[], phrases: Phrase[]): { marked: boolean[]; phrasesAt: Map<number, number> } {
  const marked = new Array<boolean>(list.length).fill(false)
  const phrasesAt = new Map<number, number>()
  phrases.forEach((phrase, p) => {
    const n = phrase.words.length
    for (let i = 0; i + n <= list.length; i++) {
      let ok = true
      for (let k = 0; k < n && ok; k++) ok = wordMatches(list[i + k]!.folded, phrase.words[k]!, phrase.prefix && k === n - 1)
      if (!ok) continue
      for (let k = 0; k < n; k++) marked[i + k] = true
      if (!phrasesAt.has(i)) phrasesAt.set(i, p)
    }
  })
  return { marked, phrasesAt }
}

/**
 * A window of about 24 words around the matches of one field, matches wrapped in the snippet markers.
 * Done here rather than by FTS5's snippet() so ranking can let SQLite keep only the top page while sorting.
 */
export function snippetOf(text: string, phrases: Phrase[]): { snippet: string; score: number } {
  const list = tokens(text)
  const { marked, phrasesAt } = hits(list, phrases)
  // The window start that covers the most different phrases, starting a few words before a match.
  let bestStart = 0
  let bestScore = 0
  for (const at of [...phrasesAt.keys()].sort((a, b) => a - b)) {
    const from = Math.max(0, at - 3)
    const seen = new Set<number>()
    for (const [i, p] of phrasesAt) if (i >= from && i < from + SNIPPET_TOKENS) seen.add(p)
    if (seen.size > bestScore) {
      bestScore = seen.size
      bestStart = from
    }
  }
  return { snippet: render(text, list, marked, bestStart), score: bestScore }
}

/** The window's text with each run of matched words wrapped once, as FTS5 wraps a phrase. */
function render(text: string, list: Token[], marked: boolean[], first: number): string {
  if (!list.length) return text
  const last = Math.min(list.length, first + SNIPPET_TOKENS) - 1
  const from = first === 0 ? 0 : list[first]!.start
  const to = last === list.length - 1 ? text.length : list[last]!.end
  let out = first === 0 ? '' : '…'
  let at = from
  for (let i = first; i <= last; i++) {
    if (!marked[i] || (i > first && marked[i - 1])) continue
    let end = i
    while (end < last && marked[end + 1]) end++
    out += text.slice(at, list[i]!.start) + SNIPPET_OPEN + text.slice(list[i]!.start, list[end]!.end) + SNIPPET_CLOSE
    at = list[end]!.end
  }
  return out + text.slice(at, to) + (to < text.length ? '…' : '')
}

/** The snippet from whichever field matches best (statement first on a tie), else the start of the statement. */
export function bestSnippet(fields: string[], match: string): string {
  const phrases = phrasesOf(match)
  let best = snippetOf(fields[0] ?? '', phrases)
  for (const field of fields.slice(1)) {
    const candidate = snippetOf(field, phrases)
    if (candidate.score > best.score) best = candidate
  }
  return best.snippet
}
