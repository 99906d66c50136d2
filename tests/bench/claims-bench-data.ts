const STOPWORDS = new Set(
  'the and of to in a is that for are as with be on by it this was not have has from or at an which their they but its been were more can would will there who what how than into also these our all one we about so'.split(' '),
)

/** Word-pair (Markov) text from the starter corpus: realistic vocabulary and word frequencies, at any volume. */
export class TextGenerator {
  private readonly next = new Map<string, string[]>()
  private readonly starts: string[] = []
  /** Every token as it occurs, so sampling from it follows the corpus's word frequencies. */
  readonly tokens: string[]
  readonly vocabulary: string[]

  constructor(
    corpus: string,
    private readonly random: () => number,
  ) {
    this.tokens = corpus.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
    for (let i = 0; i < this.tokens.length - 1; i++) {
      const word = this.tokens[i]!
      const list = this.next.get(word) ?? []
      list.push(this.tokens[i + 1]!)
      this.next.set(word, list)
      if (/^\p{Lu}/u.test(word)) this.starts.push(word)
    }
    this.vocabulary = [...new Set(this.tokens.map(plain).filter((w) => w.length >= 4 && !STOPWORDS.has(w)))]
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!
  }

  sentence(length: number): string {
    let word = this.pick(this.starts)
    const out = [word]
    while (out.length < length) {
      const options = this.next.get(word)
      word = options ? this.pick(options) : this.pick(this.starts)
      out.push(word)
    }
    return out.join(' ').replace(/[,;:—–-]+$/, '') + '.'
  }

  title(): string {
    return this.sentence(4 + Math.floor(this.random() * 6)).replace(/\.$/, '')
  }

  surname(): string {
    return this.pick(['Jones', 'Iacobucci', 'Drage', 'Smith', 'Patel', 'Khan', 'Williams', 'Brown', 'Taylor', 'Evans'])
  }

  /** A content word, as often as it occurs in the text (so common ones like "practice" come up often). */
  commonWord(): string {
    for (;;) {
      const word = plain(this.pick(this.tokens))
      if (word.length >= 4 && !STOPWORDS.has(word)) return word
    }
  }

  /** Any content word of the vocabulary, rare ones as likely as common ones. */
  anyWord(): string {
    return this.pick(this.vocabulary)
  }

  /** Two or three words that follow each other in generated text, for "phrase" queries. */
  phrase(): string {
    const words = this.sentence(12).replace(/\.$/, '').split(' ').map(plain).filter(Boolean)
    const start = Math.floor(this.random() * Math.max(1, words.length - 3))
    return words.slice(start, start + 2 + Math.floor(this.random() * 2)).join(' ')
  }
}

function plain(word: string): string {
  return (word.toLowerCase().match(/[\p{L}\p{N}]+/u) ?? [''])[0]!
}

/** What analysts type: single words common and rare, pairs, phrases, prefixes, and some broken syntax. */
export function makeQueries(words: TextGenerator, random: () => number, count: number): string[] {
  const junk = [(w: string) => `${w} AND`, (w: string) => `"${w}`, (w: string) => `statement:${w}`, (w: string) => `NEAR(${w}`, (w: string) => `${w} *`, (w: string) => `(${w}?`]
  const queries: string[] = []
  for (let i = 0; i < count; i++) {
    const r = random()
    if (r < 0.3) queries.push(words.commonWord())
    else if (r < 0.5) queries.push(words.anyWord())
    else if (r < 0.7) queries.push(`${words.commonWord()} ${words.commonWord()}`)
    else if (r < 0.8) queries.push(`"${words.phrase()}"`)
    else if (r < 0.9) {
      const word = words.commonWord()
      queries.push(`${word.slice(0, Math.min(word.length, 4 + Math.floor(random() * 3)))}*`)
    } else queries.push(junk[Math.floor(random() * junk.length)]!(words.anyWord()))
  }
  return queries
}
