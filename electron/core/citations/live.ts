import type { CslItem } from '../../shared/dto/csl'
import { CitationEngine, type BibEntry, type CiteInput, type ClusterCitation } from './engine'
import { KeptBibliography } from './kept-bibliography'
import type { ResolvedStyle } from './styles'

export interface LiveCluster {
  /** The editor's own id for the cluster (stable while the brief is open). */
  id: string
  items: CiteInput[]
}

// Past this many changed clusters one rebuild is cheaper than that many incremental updates.
const REBUILD_AFTER = 12

interface Held {
  id: string
  key: string
  noteIndex: number
}

/**
 * A brief's citeproc engine kept between the editor's requests: an inserted, removed or edited cluster is one
 * processCitationCluster call (citeproc renumbers and re-evaluates "ibid." itself and answers with only the
 * clusters whose text changed) instead of a fresh engine formatting every citation again.
 */
export class LiveCitations {
  private readonly engine: CitationEngine
  private readonly kept: KeptBibliography
  private held: Held[] = []
  /** The works as registered with the engine, in order of first citation. */
  private registered: string[] = []
  private readonly html = new Map<string, string>()
  // Read again only when it changed; then only its changed entries are formatted (kept-bibliography.ts).
  private references: BibEntry[] | null = null

  constructor(
    style: ResolvedStyle,
    resourcesDir: string,
    private readonly inNotes: boolean,
  ) {
    this.engine = new CitationEngine(style, [], resourcesDir)
    this.kept = new KeptBibliography(this.engine)
  }

  needs(ids: string[]): string[] {
    return ids.filter((id) => !this.engine.hasItem(id))
  }

  punctuationInQuote(): boolean {
    return this.engine.punctuationInQuote()
  }

  /** One html string per cluster, in order, after bringing the engine up to `clusters`. */
  update(clusters: LiveCluster[], newItems: CslItem[]): string[] {
    this.engine.addItems(newItems)
    const next: (Held & { citation: ClusterCitation })[] = clusters.map((c, i) => {
      const noteIndex = this.inNotes ? i + 1 : 0
      return { id: c.id, key: JSON.stringify(c.items), noteIndex, citation: { citationID: c.id, items: c.items, noteIndex } }
    })
    const before = new Map(this.held.map((h) => [h.id, h]))
    const changed = next.filter((c) => before.get(c.id)?.key !== c.key)
    const sameOrder = this.held.length === next.length && next.every((c, i) => this.held[i]!.id === c.id && this.held[i]!.noteIndex === c.noteIndex)
    if (!this.held.length || changed.length > REBUILD_AFTER) {
      const html = this.engine.rebuild(next.map((c) => c.citation))
      this.registered = firstCited(clusters)
      this.references = null
      this.html.clear()
      next.forEach((c, i) => this.html.set(c.id, html[i] ?? ''))
    } else if (changed.length || !sameOrder) {
      // A removal or a move with nothing new: citeproc drops and renumbers when any one cluster is re-processed.
      const toProcess = changed.length ? changed : next.slice(0, 1)
      const order = firstCited(clusters)
      if (order.length !== this.registered.length || order.some((id, i) => id !== this.registered[i])) this.engine.register(order)
      this.registered = order
      const registered = new Set(this.held.map((h) => h.id))
      for (const c of toProcess) registered.delete(c.id)
      for (const c of toProcess) {
        const at = next.indexOf(c)
        const pairs = (list: typeof next) => list.filter((n) => registered.has(n.id)).map((n): [string, number] => [n.id, n.noteIndex])
        for (const [, html, id] of this.engine.process(c.citation, pairs(next.slice(0, at)), pairs(next.slice(at + 1)))) this.html.set(id, html)
        registered.add(c.id)
      }
      const kept = new Set(next.map((c) => c.id))
      for (const id of before.keys()) if (!kept.has(id)) this.html.delete(id)
      // Works added, dropped, renumbered or told apart ("2015a"): the kept list finds which entries changed, if any.
      this.references = null
    }
    this.held = next.map(({ id, key, noteIndex }) => ({ id, key, noteIndex }))
    return next.map((c) => this.html.get(c.id) ?? '')
  }

  bibliography(): BibEntry[] {
    this.references ??= this.kept.read()
    return this.references
  }
}

/** The works cited, each once, in order of first citation and, within a cluster, in the analyst's order. */
function firstCited(clusters: LiveCluster[]): string[] {
  return [...new Set(clusters.flatMap((c) => c.items.map((i) => i.sourceId)))]
}
