import type { NoteMode } from '../../shared/dto/briefs'
import type { CslItem } from '../../shared/dto/csl'
import { CitationEngine, type CiteInput, type Locator } from '../citations/engine'
import type { StyledRun } from '../citations/runs'
import { citationLayout, type ClusterLayout, type ResolvedStyle } from '../citations/styles'
import { shortCitation } from '../sources/csl'
import { markFor, type ResolvedCitation } from './check'
import { referenceLinks, textFragmentUrl, type ReferenceLinks } from './links'

/** Everything the Word writer needs for one citation; it never looks at the database or the style again. */
export interface PreparedCitation {
  claimId: string
  node: 'citation' | 'evidence-quote'
  /** The style's in-text label, e.g. "(1)" or "(Iacobucci, 2014, para. 12)". */
  label: StyledRun[]
  /** What a note says first: the formatted reference (for a note style, its note, locator included). */
  reference: StyledRun[]
  links: ReferenceLinks
  /** Whether the note still needs the pinpoint after the reference (a note style prints its own). */
  notePinpoint: boolean
  quote: string
  /** Opens a web original scrolled to the quoted words. */
  fragmentUrl?: string
  /** Bookmark of its entry in the reference list, for in-text links. */
  bookmark?: string
  /** "[quote changed]" and the like, when a forced export carries a failed quote. */
  mark?: string
  /** "Iacobucci 2014", shown under an evidence quote; empty when the in-text label already names the author. */
  attribution: string
  pinpoint: string
  sourceLabel: string
}

export interface PreparedReference {
  sourceId: string
  bookmark: string
  runs: StyledRun[]
  links: ReferenceLinks
}

export interface PreparedCitations {
  citations: PreparedCitation[]
  references: PreparedReference[]
  /** For joining side-by-side in-text labels into one cluster. */
  cluster?: ClusterLayout
}

export function locatorOf(c: Pick<ResolvedCitation, 'page' | 'paragraph'>): Locator | undefined {
  if (c.page) return { label: 'page', value: c.page }
  return c.paragraph > 0 ? { label: 'paragraph', value: String(c.paragraph) } : undefined
}

/** "p. 12" for a PDF's printed page label, "¶ 12" for our paragraph numbers. */
export function pinpointText(locator: Locator | undefined): string {
  if (!locator) return ''
  // A no-break space: "¶" alone at the end of a line and "12" on the next reads as two things.
  return locator.label === 'page' ? `p.\u00a0${locator.value}` : `¶\u00a0${locator.value}`
}

/** A removed source still needs a reference: one stand-in record per title it was known by. */
function itemFor(c: ResolvedCitation, stand: Map<string, CslItem>): CslItem {
  if (c.source) return c.source.csl
  const title = c.claim?.sourceTitle || c.snapshot.sourceTitle || 'Unknown source'
  const id = `missing:${title}`
  if (!stand.has(id)) stand.set(id, { id, type: 'document', title })
  return stand.get(id)!
}

function endWithStop(runs: StyledRun[]): StyledRun[] {
  const text = runs.map((r) => r.text).join('')
  return /[.!?]\s*$/.test(text) || !text ? runs : [...runs, { text: '.' }]
}

/** Runs citeproc once over the brief's citations in document order and lays out what each note says. */
export function prepareCitations(resolved: ResolvedCitation[], style: ResolvedStyle, resourcesDir: string, notes: NoteMode): PreparedCitations {
  if (!resolved.length) return { citations: [], references: [] }
  const stand = new Map<string, CslItem>()
  const items = new Map<string, CslItem>()
  const inputs: CiteInput[] = resolved.map((c) => {
    const item = itemFor(c, stand)
    items.set(item.id, item)
    const locator = locatorOf(c)
    return { sourceId: item.id, ...(locator ? { locator } : {}) }
  })
  const engine = new CitationEngine(style, [...items.values()], resourcesDir)
  const output = engine.cite(inputs, notes !== 'none')
  const references: PreparedReference[] = output.bibliography.map((entry, i) => {
    const item = items.get(entry.sourceId)
    return { sourceId: entry.sourceId, bookmark: `ref_${i + 1}`, runs: entry.runs, links: item ? referenceLinks(item) : { others: [] } }
  })
  const bookmarks = new Map(references.map((r) => [r.sourceId, r.bookmark]))
  const bodies = new Map(output.bibliography.map((b) => [b.sourceId, b.bodyRuns]))

  // "— Drage 2015 (Drage, 2015, para. 7)" says the author twice: an author-date label is attribution enough.
  const labelNamesAuthor = notes === 'none' && style.info.kind === 'author-date'
  const citations = resolved.map((c, i): PreparedCitation => {
    const input = inputs[i]!
    const item = items.get(input.sourceId)!
    const label = output.citations[i] ?? []
    const pinpoint = pinpointText(input.locator)
    // A note style's citation already is a note (with its locator); others get the full reference + pinpoint.
    const reference = style.info.kind === 'note' ? label : (bodies.get(input.sourceId) ?? label)
    const fragmentUrl = c.source ? textFragmentUrl(c.source.csl, c.source.format, c.quote) : undefined
    const bookmark = bookmarks.get(input.sourceId)
    const mark = markFor(c)
    return {
      claimId: c.claimId,
      node: c.node,
      label,
      reference: endWithStop(reference),
      links: referenceLinks(item),
      notePinpoint: style.info.kind !== 'note' && Boolean(pinpoint),
      quote: c.quote,
      attribution: labelNamesAuthor ? '' : c.source ? shortCitation(c.source.csl) : c.snapshot.shortCitation || c.snapshot.sourceTitle,
      pinpoint,
      sourceLabel: (item.title as string | undefined) ?? c.snapshot.sourceTitle,
      ...(fragmentUrl ? { fragmentUrl } : {}),
      ...(bookmark ? { bookmark } : {}),
      ...(mark ? { mark } : {}),
    }
  })
  return { citations, references, cluster: citationLayout(style.xml) }
}
