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
function namesAnyone(item: CslItem | undefined): boolean {
  if (!item) return false
  return Object.values(item).some((value) => Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && ('family' in v || 'literal' in v || 'given' in v)))
}

export class CitationEngine {
  private readonly engine: CSL.Engine
  private readonly byId: Map<string, CslItem>
  private readonly printsFirstNoteNumber: boolean

  constructor(
    private readonly style: ResolvedStyle,
    items: CslItem[],
    resourcesDir: string,
  ) {
    const locales = bundledLocales(resourcesDir)
    this.printsFirstNoteNumber = style.xml.includes('first-reference-note-number')
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
   * Registers the cited works in order of first citation, as the analyst ordered each cluster (what a rebuild
   * numbers by). processCitationCluster would register them itself, but in each cluster's order sorted by the
   * works' old numbers, so a moved cluster citing two works could number them the other way round from Word.
   */
  register(sourceIds: string[]): void {
    this.guard(() => this.engine.updateItems(sourceIds))
  }

  /**
   * Adds or replaces one cluster between clusters the engine already holds, its works registered (`register`);
   * citeproc answers with every cluster whose text changed (renumbered, now "ibid."), as [index in the new
   * order, html, citationID]. Clusters left out of `pre` and `post` are dropped from its state.
   */
  process(cluster: ClusterCitation, pre: [string, number][], post: [string, number][]): [number, string, string][] {
    // A note inserted early moves every later citation's first-reference-note-number, and citeproc then formats
    // every one of them again (a quarter of a second in a 2,000-note brief) to the same text wherever the style
    // never prints that number: for such a style it is left out of what citeproc compares, for this call only.
    const watched = CSL.POSITION_TEST_VARS
    if (!this.printsFirstNoteNumber) CSL.POSITION_TEST_VARS = watched.filter((name) => name !== 'first-reference-note-number')
    try {
      return this.guard(() => {
        return this.engine.processCitationCluster(citeprocCitation(cluster), pre, post, CSL.ASSUME_ALL_ITEMS_REGISTERED)[1]
      })
    } finally {
      CSL.POSITION_TEST_VARS = watched
    }
  }

  private guard<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      throw new AppError('INVALID_INPUT', `The citation style “${this.style.info.title}” failed on these sources: ${(error as Error).message}`, { cause: error })
    }
  }

  bibliography(): BibEntry[] {
    return this.entriesOf(this.engine.makeBibliography())
  }

  /**
   * The reference list's order, each entry with what its text depends on beside its own record: its number and
   * what disambiguation added ("2015a"), and whether it names anyone (a repeated author becomes "———" after
   * the last entry that did). Null where formatting only some entries could differ from formatting them all:
   * consolidated or parallel entries, entries excluded by type, numbers counted down.
   */
  bibliographyLayout(): { sourceId: string; number: number; disambig: string; named: boolean }[] | null {
    const opt = this.engine.bibliography.opt
    if (opt.exclude_types || opt.exclude_with_fields || opt.consolidate_containers?.length) return null
    if (this.engine.bibliography_sort.tmp.citation_number_map) return null
    const list = this.engine.registry.reflist
    if (list.some((entry) => entry.siblings || entry.master)) return null
    return list.map((entry) => ({ sourceId: String(entry.id), number: entry.seq, disambig: JSON.stringify(entry.disambig), named: namesAnyone(this.byId.get(String(entry.id))) }))
  }

  /** Whether the reference list replaces an author repeated from the entry before (Chicago's "———"). */
  substitutesRepeatedAuthors(): boolean {
    return Boolean(this.engine.bibliography.opt['subsequent-author-substitute'])
  }

  /**
   * Formats the given entries only (all when `ids` is null), in the list's order, with `numberSlug` in place of
   * each entry's citation number, so the text stays right when only the numbers move.
   */
  bibliographyEntries(ids: string[] | null, numberSlug: string): BibEntry[] {
    return this.guard(() => {
      this.engine.opt.citation_number_slug = numberSlug
      try {
        return this.entriesOf(this.engine.makeBibliography(ids ? { include: ids.map((id) => ({ field: 'id', value: id })) } : undefined))
      } finally {
        this.engine.opt.citation_number_slug = false
      }
    })
  }

  private entriesOf(result: ReturnType<CSL.Engine['makeBibliography']>): BibEntry[] {
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
