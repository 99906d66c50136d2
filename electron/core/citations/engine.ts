import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import CSL from 'citeproc'
import type { CslItem } from '../../shared/dto/csl'
import { AppError } from '../errors'
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

export interface CiteOutput {
  /** One per input, in order: the in-text label, or for note styles the note's text; empty for in-text styles asNotes. */
  citations: StyledRun[][]
  bibliography: BibEntry[]
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
 * One run of citeproc-js over a brief's citations. Item ids are source ids, so every citation of one source
 * shares one bibliography entry and, in numeric styles, one number.
 */
export class CitationEngine {
  private readonly engine: CSL.Engine

  constructor(
    private readonly style: ResolvedStyle,
    items: CslItem[],
    resourcesDir: string,
  ) {
    const locales = bundledLocales(resourcesDir)
    const byId = new Map(items.map((item) => [item.id, item]))
    const sys = {
      // Styles in other languages still work, in British English, rather than failing to load.
      retrieveLocale: (lang: string) => locales.get(lang) ?? locales.get(DEFAULT_LOCALE)!,
      retrieveItem: (id: string) => byId.get(id)!,
    }
    try {
      this.engine = new CSL.Engine(sys, style.xml, DEFAULT_LOCALE)
    } catch (error) {
      throw new AppError('INVALID_INPUT', `The citation style “${style.info.title}” could not be loaded: ${(error as Error).message}`, { cause: error })
    }
    this.engine.setOutputFormat('html')
  }

  /**
   * Formats citations in document order. Registering sources in order of first appearance is what makes a
   * numeric style number them 1, 2, 3… as the reader meets them, and a repeated source keep its number.
   * Note styles go through processCitationCluster with note numbers so "ibid." and short forms follow position.
   * With asNotes, an in-text style's labels are never shown (Word's note numbers replace them), so they are
   * not computed: in a fresh CLI process that is a third of citeproc's time.
   */
  cite(inputs: CiteInput[], asNotes: boolean): CiteOutput {
    const firstSeen = [...new Set(inputs.map((c) => c.sourceId))]
    const item = (c: CiteInput) => ({ id: c.sourceId, ...(c.locator ? { locator: c.locator.value, label: c.locator.label } : {}) })
    let html: string[]
    try {
      if (this.style.info.kind === 'note' && asNotes) {
        const clusters = inputs.map((c, i) => ({ citationID: `c${i}`, citationItems: [item(c)], properties: { noteIndex: i + 1 } }))
        html = this.engine.rebuildProcessorState(clusters, 'html').map((triple) => triple[2])
      } else {
        this.engine.updateItems(firstSeen)
        html = asNotes ? inputs.map(() => '') : inputs.map((c) => this.engine.makeCitationCluster([item(c)]))
      }
    } catch (error) {
      throw new AppError('INVALID_INPUT', `The citation style “${this.style.info.title}” failed on these sources: ${(error as Error).message}`, { cause: error })
    }
    return { citations: html.map((h) => htmlToRuns(h)), bibliography: this.bibliography() }
  }

  private bibliography(): BibEntry[] {
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
