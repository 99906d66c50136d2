import type { BibEntry, CitationEngine } from './engine'
import type { StyledRun } from './runs'

// Stands for an entry's citation number while it is kept (a private-use character: no text-case or escaping touches it).
const NUMBER_SLUG = '\uE000'

interface Kept {
  /** As formatted, with NUMBER_SLUG for its number. */
  entry: BibEntry
  disambig: string
  /** The last entry before it that names anyone, where the style writes "———" for an author repeated from it. */
  after: string | null
}

/**
 * A brief's reference list kept between the editor's requests. Formatting every entry is most of the cost of an
 * insert in a long brief (a third of a second for a thousand sources), and a new work cited at the top changes
 * only one entry's text: the others just take new numbers, or keep their place in an author-sorted list. So each
 * entry is kept as formatted with a stand-in for its number, and formatted again only when what its text depends
 * on changed: its disambiguation ("2015a"), or, where the style substitutes repeated authors, the entry it follows.
 */
export class KeptBibliography {
  private readonly kept = new Map<string, Kept>()
  // The last list read and what it was made of, given again (the same array) while nothing in it changed.
  private last: { list: BibEntry[]; made: string } | null = null

  constructor(private readonly engine: CitationEngine) {}

  /** The reference list as the engine's items now stand. */
  read(): BibEntry[] {
    const layout = this.engine.bibliographyLayout()
    if (!layout) {
      this.kept.clear()
      this.last = null
      return this.engine.bibliography()
    }
    const substitutes = this.engine.substitutesRepeatedAuthors()
    let lastNamed: string | null = null
    const rows = layout.map((entry) => {
      const row = { ...entry, after: substitutes ? lastNamed : null }
      if (entry.named) lastNamed = entry.sourceId
      return row
    })
    const stale = rows.flatMap((row, i) => {
      const kept = this.kept.get(row.sourceId)
      return !kept || kept.disambig !== row.disambig || kept.after !== row.after ? [i] : []
    })
    if (stale.length) {
      // A repeated author is substituted against the last named entry formatted before it in the same call,
      // so that entry (and the unnamed ones between) is formatted again too, and its text left as kept.
      const context = new Set<number>(stale)
      if (substitutes) {
        for (const i of stale) {
          for (let j = i - 1; j >= 0; j--) {
            context.add(j)
            if (rows[j]!.named) break
          }
        }
      }
      // Past half the list, one call over every entry is cheaper than matching each against a long include list.
      const ids = context.size > rows.length / 2 ? null : [...context].map((i) => rows[i]!.sourceId)
      const formatted = new Map(this.engine.bibliographyEntries(ids, NUMBER_SLUG).map((entry) => [entry.sourceId, entry]))
      for (const i of stale) {
        const row = rows[i]!
        const entry = formatted.get(row.sourceId)
        if (entry) this.kept.set(row.sourceId, { entry, disambig: row.disambig, after: row.after })
      }
    }
    const made = rows.map((r) => `${r.sourceId}:${r.number}`).join(' ')
    if (!stale.length && this.last?.made === made) return this.last.list
    const listed = new Set(rows.map((r) => r.sourceId))
    for (const id of this.kept.keys()) if (!listed.has(id)) this.kept.delete(id)
    const list = rows.flatMap((row) => {
      const kept = this.kept.get(row.sourceId)
      return kept ? [numbered(kept.entry, row.number)] : []
    })
    this.last = { list, made }
    return list
  }
}

function numbered(entry: BibEntry, number: number): BibEntry {
  const fill = (runs: StyledRun[]) => (runs.some((r) => r.text.includes(NUMBER_SLUG)) ? runs.map((r) => ({ ...r, text: r.text.replaceAll(NUMBER_SLUG, String(number)) })) : runs)
  return { sourceId: entry.sourceId, runs: fill(entry.runs), bodyRuns: fill(entry.bodyRuns) }
}
