import type { NoteMode } from '../../shared/dto/briefs'
import type { CslItem } from '../../shared/dto/csl'
import { effectiveNotes, placementOf, type CitationPlacement } from '../../shared/citation-punctuation'
import { CitationEngine, DEFAULT_LOCALE, type CiteInput, type Locator } from '../citations/engine'
import { htmlToRuns, type StyledRun } from '../citations/runs'
import type { ResolvedStyle } from '../citations/styles'
import { AppError } from '../errors'
import { shortCitation } from '../sources/csl'
import { itemLanguage, styleLocale } from '../citations/language'
import { locatorTerms, type LocatorTerms } from '../citations/locale-terms'
import { markFor, type ResolvedCitation } from './check'
import { printedOnly, referenceLinks, textFragmentUrl, type ReferenceLinks } from './links'
import { pdfPageUrl } from './page-link'

/** One cited claim inside a cluster: what Evident adds after the style's text, and the Evidence appendix row. */
export interface PreparedCitation {
  claimId: string
  node: 'citation' | 'evidence-quote'
  links: ReferenceLinks
  quote: string
  /** The source's language from its record, so Word proofreads a French quote in French inside an English brief. */
  quoteLanguage?: string
  /** Opens a web original scrolled to the quoted words. */
  fragmentUrl?: string
  /** Opens a PDF original at the quote's page (URL#page=N). */
  pageUrl?: string
  /** Bookmark of its entry in the reference list, for in-text links. */
  bookmark?: string
  /** Cites the work as a whole: `quote` is empty, and the document says so where a quote would stand. */
  wholeWork?: true
  /** "[quote changed]" and the like, when a forced export carries a failed quote. */
  mark?: string
  /** "Iacobucci 2014", shown under an evidence quote; empty when the in-text label already names the author. */
  attribution: string
  pinpoint: string
  sourceLabel: string
}

/** One citation cluster as the style wrote it: an in-text label, or the text of one Word note. */
export interface PreparedCluster {
  claimIds: string[]
  /** The style's own text: "(Drage, 2015, paras 9, 11; Jones, 2014)", "[3–5]", or a note style's note. */
  text: StyledRun[]
  /** The addresses the style's text may print, linked where they appear. */
  links: ReferenceLinks
  members: PreparedCitation[]
  /** Whether a note still needs each claim's pinpoint after the style's text (the style prints no locator). */
  notePinpoint: boolean
}

export interface PreparedReference {
  sourceId: string
  bookmark: string
  runs: StyledRun[]
  links: ReferenceLinks
}

export interface PreparedCitations {
  /** Every cited claim in document order (cluster members, flattened), for the appendix. */
  citations: PreparedCitation[]
  clusters: PreparedCluster[]
  references: PreparedReference[]
  /** The note mode the style really gets (a note style always writes notes). */
  notes: NoteMode
  placement: CitationPlacement
  punctuationInQuote: boolean
}

export function locatorOf(c: Pick<ResolvedCitation, 'page' | 'paragraph'>): Locator | undefined {
  if (c.page) return { label: 'page', value: c.page }
  return c.paragraph > 0 ? { label: 'paragraph', value: String(c.paragraph) } : undefined
}

/**
 * "p. 12" for a PDF's printed page label, "para. 12" for our paragraph numbers: the locale's own short terms,
 * so the pinpoint Evident adds in a note reads as the style's do in the text.
 */
export function pinpointText(locator: Locator | undefined, terms: LocatorTerms): string {
  if (!locator) return ''
  // A no-break space: "para." alone at the end of a line and "12" on the next reads as two things.
  return `${locator.label === 'page' ? terms.page : terms.paragraph}\u00a0${locator.value}`
}

/** A removed source still needs a reference: one stand-in record per title it was known by. */
function itemFor(c: ResolvedCitation, stand: Map<string, CslItem>): CslItem {
  if (c.source) return c.source.csl
  const title = c.claim?.sourceTitle || c.snapshot.sourceTitle || 'Unknown source'
  const id = `missing:${title}`
  if (!stand.has(id)) stand.set(id, { id, type: 'document', title })
  return stand.get(id)!
}

/** A note ends as a sentence, unless it ends with an address: "https://doi.org/10.1136/bmj.g6055." is not one. */
function endWithStop(runs: StyledRun[]): StyledRun[] {
  const text = runs.map((r) => r.text).join('')
  if (!text || /[.!?]\s*$/.test(text) || /(?:https?:\/\/|doi:|www\.)\S+$/i.test(text)) return runs
  return [...runs, { text: '.' }]
}

/**
 * A note begins with a capital, as Word's and Zotero's notes do: citeproc-js leaves OSCOLA's and MHRA's "ibid"
 * in lower case at the start of a note (pandoc's citeproc capitalises it).
 */
function capitalFirst(runs: StyledRun[]): StyledRun[] {
  const first = runs[0]
  if (!first || !/^\p{Ll}/u.test(first.text)) return runs
  return [{ ...first, text: first.text[0]!.toUpperCase() + first.text.slice(1) }, ...runs.slice(1)]
}

/** Whether the style's citation prints a locator itself ("para. 5", "p. iv"); Vancouver's "(3)" does not. */
function citesLocator(xml: string): boolean {
  const citation = /<citation\b[\s\S]*?<\/citation>/.exec(xml)?.[0] ?? ''
  const macros = new Map([...xml.matchAll(/<macro name="([^"]+)">([\s\S]*?)<\/macro>/g)].map((m) => [m[1]!, m[2]!]))
  const seen = new Set<string>()
  const uses = (text: string): boolean => {
    if (/variable="locator"/.test(text)) return true
    for (const m of text.matchAll(/macro="([^"]+)"/g)) {
      const name = m[1]!
      if (seen.has(name)) continue
      seen.add(name)
      if (uses(macros.get(name) ?? '')) return true
    }
    return false
  }
  return uses(citation)
}

/** Sizes of the brief's citation clusters in document order; they add up to the number of citations. */
export type ClusterSizes = number[]

/** Runs citeproc once over the brief's citation clusters in document order and lays out what each says. */
export function prepareCitations(
  resolved: ResolvedCitation[],
  sizes: ClusterSizes,
  style: ResolvedStyle,
  resourcesDir: string,
  requestedNotes: NoteMode,
): PreparedCitations {
  const notes = effectiveNotes(style.info.kind, requestedNotes)
  const placement = placementOf(style.info.kind, notes)
  const empty = { citations: [], clusters: [], references: [], notes, placement, punctuationInQuote: false }
  if (!resolved.length) return empty
  const stand = new Map<string, CslItem>()
  const items = new Map<string, CslItem>()
  const inputs: CiteInput[] = resolved.map((c) => {
    const item = itemFor(c, stand)
    items.set(item.id, item)
    const locator = locatorOf(c)
    return { sourceId: item.id, ...(locator ? { locator } : {}) }
  })
  const groups = groupBySizes(resolved.length, sizes)
  const engine = new CitationEngine(style, [...items.values()], resourcesDir)
  const html = engine.rebuild(
    groups.map(([from, to], i) => ({ citationID: `c${i}`, items: inputs.slice(from, to), noteIndex: placement === 'note' ? i + 1 : 0 })),
  )
  const bibliography = engine.bibliography()
  const references: PreparedReference[] = bibliography.map((entry, i) => {
    const item = items.get(entry.sourceId)
    return { sourceId: entry.sourceId, bookmark: `ref_${i + 1}`, runs: entry.runs, links: item ? printedOnly(referenceLinks(item)) : { others: [] } }
  })
  const bookmarks = new Map(references.map((r) => [r.sourceId, r.bookmark]))
  const terms = locatorTerms(resourcesDir, styleLocale(style.xml) ?? DEFAULT_LOCALE)

  // "— Drage 2015 (Drage, 2015, para. 7)" says the author twice: an author-date label is attribution enough.
  const labelNamesAuthor = placement === 'in-text' && style.info.kind === 'author-date'
  const citations = resolved.map((c, i): PreparedCitation => {
    const input = inputs[i]!
    const item = items.get(input.sourceId)!
    const wholeWork = c.claim ? c.claim.wholeWork : c.snapshot.wholeWork === true
    const fragmentUrl = c.source && c.status !== 'orphaned' && c.quote ? textFragmentUrl(c.source.csl, c.source.format, c.quote) : undefined
    const pageUrl = c.source && c.status !== 'orphaned' ? pdfPageUrl(c.source.csl, c.source.format, c.page, c.source.paragraphs, c.claim?.anchor.pdf?.page) : undefined
    const bookmark = bookmarks.get(input.sourceId)
    const mark = markFor(c)
    const quoteLanguage = itemLanguage(c.source?.csl)
    return {
      claimId: c.claimId,
      node: c.node,
      links: referenceLinks(item),
      quote: c.quote,
      attribution: labelNamesAuthor ? '' : c.source ? shortCitation(c.source.csl) : c.snapshot.shortCitation || c.snapshot.sourceTitle,
      pinpoint: pinpointText(input.locator, terms),
      sourceLabel: (item.title as string | undefined) ?? c.snapshot.sourceTitle,
      ...(fragmentUrl ? { fragmentUrl } : {}),
      ...(pageUrl ? { pageUrl } : {}),
      ...(bookmark ? { bookmark } : {}),
      ...(mark ? { mark } : {}),
      ...(wholeWork ? { wholeWork } : {}),
      ...(quoteLanguage ? { quoteLanguage } : {}),
    }
  })
  const printsLocator = citesLocator(style.xml)
  const clusters = groups.map(([from, to], i): PreparedCluster => {
    const members = citations.slice(from, to)
    const text = htmlToRuns(html[i] ?? '')
    return {
      claimIds: members.map((m) => m.claimId),
      // A note is a sentence; a numeric style's "(3)" standing alone in a note is not.
      text: placement === 'note' && style.info.kind !== 'numeric' ? endWithStop(capitalFirst(text)) : text,
      // Only the addresses the style printed are linked: nothing is added to its text ("Ibid. https://…").
      links: { others: members.flatMap((m) => [...(m.links.primary ? [m.links.primary] : []), ...m.links.others]) },
      members,
      notePinpoint: !printsLocator,
    }
  })
  return { citations, clusters, references, notes, placement, punctuationInQuote: engine.punctuationInQuote() }
}

/** [from, to) ranges of the citations each cluster holds; a size list that does not add up is a drift. */
function groupBySizes(total: number, sizes: ClusterSizes): [number, number][] {
  const ranges: [number, number][] = []
  let at = 0
  for (const size of sizes) {
    ranges.push([at, at + size])
    at += size
  }
  if (at !== total) throw new AppError('INTERNAL', 'The brief changed while it was being exported. Export it again.')
  return ranges
}
