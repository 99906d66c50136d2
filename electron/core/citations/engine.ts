import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import CSL from 'citeproc'
import type { CslItem } from '../../shared/dto/csl'
import { AppError } from '../errors'
import { mergeSameWork } from './locators'
import { htmlToRuns, type StyledRun } from './runs'
import { cslDir, type ResolvedStyle } from './styles'

export const DEFAULT_LOCALE = 'en-GB'

/** A pinpoint inside a source: the PDF's own page label, otherwise our paragraph number. */
export interface Locator {
  label: 'page' | 'paragraph'
  value: string
}

export interface CiteInput {
  sourceId: string
  locator?: Locator
}

export interface BibEntry {
  sourceId: string
  /** As the reference list shows it (Vancouver keeps its "1. "). */
  runs: StyledRun[]
  /** Without the number column, for a footnote whose own number already says it. */
  bodyRuns: StyledRun[]
}

// Locales are read once and looked up by exact name: a style's default-locale is never used as a path.
const localeCache = new Map<string, Map<string, string>>()

function bundledLocales(resourcesDir: string): Map<string, string> {
  let locales = localeCache.get(resourcesDir)
  if (locales) return locales
  locales = new Map()
  for (const lang of ['en-GB', 'en-US']) {
    try {
      locales.set(lang, readFileSync(join(cslDir(resourcesDir), 'locales', `locales-${lang}.xml`), 'utf8'))
    } catch (error) {
      throw new AppError('IO_ERROR', `Evident's bundled citation locale “${lang}” is missing: reinstall Evident.`, { cause: error })
    }
  }
  localeCache.set(resourcesDir, locales)
  return locales
}

/**
 * One citation cluster as citeproc takes it: its items in the analyst's order, and its note number (0 in text).
 * Cites of one work are merged into one with both pinpoints before citeproc sees them (locators.ts).
 */
export interface ClusterCitation {
  citationID: string
  items: CiteInput[]
  noteIndex: number
}

function citeprocItem(c: CiteInput): CSL.CitationItem {
  return { id: c.sourceId, ...(c.locator ? { locator: c.locator.value, label: c.locator.label } : {}) }
}

function citeprocCitation(c: ClusterCitation): CSL.Citation {
  return { citationID: c.citationID, citationItems: mergeSameWork(c.items).map(citeprocItem), properties: { noteIndex: c.noteIndex } }
}

/**
 * One citeproc-js engine over a brief's citation clusters. Item ids are source ids, so every citation of one
 * source shares one bibliography entry and, in numeric styles, one number (given in order of first citation).
 * Clusters go through citeproc's own cluster processing, so it sorts, collapses and groups them ("[3–5]",
 * "(Drage, 2015, paras 9, 11; Jones, 2014)") and tracks positions for "ibid." and short notes.
 */
export class CitationEngine {
  private readonly engine: CSL.Engine
  private readonly byId: Map<string, CslItem>

  constructor(
    private readonly style: ResolvedStyle,
    items: CslItem[],
    resourcesDir: string,
  ) {
    const locales = bundledLocales(resourcesDir)
    this.byId = new Map(items.map((item) => [item.id, item]))
    const sys = {
      // Styles in other languages still work, in British English, rather than failing to load.
      retrieveLocale: (lang: string) => locales.get(lang) ?? locales.get(DEFAULT_LOCALE)!,
      retrieveItem: (id: string) => this.byId.get(id)!,
    }
    try {
      this.engine = new CSL.Engine(sys, style.xml, DEFAULT_LOCALE)
    } catch (error) {
      throw new AppError('INVALID_INPUT', `The citation style “${style.info.title}” could not be loaded: ${(error as Error).message}`, { cause: error })
    }
    this.engine.setOutputFormat('html')
  }

  /** Records the engine has not seen yet (a source cited for the first time in a live brief). */
  addItems(items: CslItem[]): void {
    for (const item of items) this.byId.set(item.id, item)
  }

  hasItem(id: string): boolean {
    return this.byId.has(id)
  }

  /** The locale's rule for a full stop beside a closing quotation mark (en-US inside, en-GB outside). */
  punctuationInQuote(): boolean {
    return Boolean(this.engine.getOpt('punctuation-in-quote'))
  }

  /** Formats every cluster from a fresh state, in document order: one html string per cluster. */
  rebuild(clusters: ClusterCitation[]): string[] {
    return this.guard(() => this.engine.rebuildProcessorState(clusters.map(citeprocCitation), 'html').map((triple) => triple[2]))
  }

  /**
   * Adds or replaces one cluster between clusters the engine already holds; citeproc answers with every
   * cluster whose text changed (renumbered, now "ibid."), as [index in the new order, html, citationID].
   * Clusters left out of `pre` and `post` are dropped from its state. `bibchange` says whether the reference list changed.
   */
  process(cluster: ClusterCitation, pre: [string, number][], post: [string, number][]): { bibchange: boolean; updates: [number, string, string][] } {
    return this.guard(() => {
      const [status, updates] = this.engine.processCitationCluster(citeprocCitation(cluster), pre, post)
      return { bibchange: status.bibchange, updates }
    })
  }

  private guard<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      throw new AppError('INVALID_INPUT', `The citation style “${this.style.info.title}” failed on these sources: ${(error as Error).message}`, { cause: error })
    }
  }

  bibliography(): BibEntry[] {
    const result = this.engine.makeBibliography()
    // A style without a <bibliography> (some note styles) gives false: the notes are then the only record.
    if (!result) return []
    const [meta, entries] = result
    return entries.map((entry, i) => ({
      sourceId: String(meta.entry_ids[i]?.[0] ?? ''),
      runs: htmlToRuns(entry),
      bodyRuns: htmlToRuns(entry, ['csl-left-margin']),
    }))
  }
}
