import type Database from 'better-sqlite3'
import { effectiveNotes, placementOf } from '../../shared/citation-punctuation'
import type { CslItem } from '../../shared/dto/csl'
import type { CitationChanges, FormattedCitations, FormatRequest } from '../../shared/dto/citations'
import type { BibEntry, CiteInput } from '../citations/engine'
import { LiveCitations } from '../citations/live'
import { htmlToRuns, runsToText } from '../citations/runs'
import { StyleRegistry } from '../citations/styles'
import { loadClaims, loadSources } from './cited'
import { locatorOf } from './prepare'

/** Shown for a cluster whose claims no longer exist, so labels still line up one-to-one with the request. */
const MISSING_LABEL = '?'

// The engines of the briefs open in this project (a few: the analyst switches between briefs and styles).
const live = new WeakMap<Database.Database, Map<string, Held>>()
const KEEP = 4
let replies = 0

interface Held {
  xml: string
  engine: LiveCitations
  /** Each cited claim's source and pinpoint, read once: a changed claim or source starts a fresh engine. */
  cites: Map<string, CiteInput | null>
  /** Each cluster's label as text, beside the html it was read from. */
  texts: Map<string, { html: string; text: string }>
  /** The last reply: its name, its labels by cluster id, and the list it carried. */
  last: { answer: string; labels: Map<string, string>; bibliography: BibEntry[] } | null
}

function engineFor(db: Database.Database, key: string, make: () => LiveCitations, xml: string, fresh: boolean): Held {
  let held = live.get(db)
  if (!held) live.set(db, (held = new Map()))
  const found = held.get(key)
  if (found && !fresh && found.xml === xml) {
    // Most recently used last, so the oldest is the one let go.
    held.delete(key)
    held.set(key, found)
    return found
  }
  const made: Held = { xml, engine: make(), cites: new Map(), texts: new Map(), last: null }
  held.delete(key)
  held.set(key, made)
  while (held.size > KEEP) held.delete(held.keys().next().value!)
  return made
}

/** Reads the claims not read before: each one's source and pinpoint, or null when it is gone. */
function citesOf(db: Database.Database, held: Held, claimIds: string[]): Map<string, CiteInput | null> {
  const unread = claimIds.filter((id) => !held.cites.has(id))
  if (!unread.length) return held.cites
  const claims = loadClaims(db, unread, null)
  for (const id of unread) {
    const claim = claims.get(id)
    if (!claim?.sourceId) {
      held.cites.set(id, null)
      continue
    }
    const locator = locatorOf({ paragraph: claim.anchor.paragraph, ...(claim.anchor.page !== undefined ? { page: claim.anchor.page } : {}) })
    held.cites.set(id, { sourceId: claim.sourceId, ...(locator ? { locator } : {}) })
  }
  return held.cites
}

function textOf(held: Held, clusterId: string, html: string): string {
  const kept = held.texts.get(clusterId)
  if (kept?.html === html) return kept.text
  const text = runsToText(htmlToRuns(html))
  held.texts.set(clusterId, { html, text })
  return text
}

/**
 * The editor's labels (one per citation cluster) and reference list, as plain text: the same style, clusters
 * and note numbering as the Word export, so what the analyst sees is what reviewers read in Word. The engine
 * is kept per brief and updated incrementally (citations/live.ts). A request `since` the reply the core last
 * gave for that engine is answered with the labels that changed, and the list only when it changed.
 */
export function formatCitations(db: Database.Database, resourcesDir: string, request: FormatRequest & { since?: undefined }): FormattedCitations
export function formatCitations(db: Database.Database, resourcesDir: string, request: FormatRequest): FormattedCitations | CitationChanges
export function formatCitations(db: Database.Database, resourcesDir: string, request: FormatRequest): FormattedCitations | CitationChanges {
  const style = new StyleRegistry(db, resourcesDir).resolve(request.style)
  const notes = effectiveNotes(style.info.kind, request.notes ?? 'none')
  const placement = placementOf(style.info.kind, notes)
  const held = engineFor(
    db,
    `${request.briefId ?? ''}\0${request.style}\0${placement}`,
    () => new LiveCitations(style, resourcesDir, placement === 'note'),
    style.xml,
    request.fresh ?? false,
  )
  const { engine } = held
  const cites = citesOf(db, held, request.clusters.flatMap((c) => c.claimIds))
  const wanted = new Set<string>()
  const clusters = request.clusters.map((cluster) => {
    const items: CiteInput[] = []
    for (const claimId of cluster.claimIds) {
      const cite = cites.get(claimId)
      if (!cite) continue
      wanted.add(cite.sourceId)
      items.push(cite)
    }
    return { id: cluster.id, items }
  })
  const sources = loadSources(db, engine.needs([...wanted]))
  const newItems: CslItem[] = [...sources.values()].map((s) => s.csl)
  // A claim whose source was removed is left out, as the export's stand-in record would be misleading here.
  const known = new Set([...wanted].filter((id) => sources.has(id) || !engine.needs([id]).length))
  const citable = clusters.map((c) => ({ id: c.id, items: c.items.filter((i) => known.has(i.sourceId)) }))
  const formatted = engine.update(citable.filter((c) => c.items.length), newItems)
  let next = 0
  const labels = citable.map((c) => (c.items.length ? textOf(held, c.id, formatted[next++] ?? '') : MISSING_LABEL))
  // Labels of clusters gone from the brief are let go once they outnumber the live ones.
  if (held.texts.size > 2 * citable.length + 64) {
    const current = new Set(citable.map((c) => c.id))
    for (const id of held.texts.keys()) if (!current.has(id)) held.texts.delete(id)
  }
  const bibliography = engine.bibliography()
  const before = request.since !== undefined && held.last?.answer === request.since ? held.last : null
  const answer = `${++replies}`
  held.last = { answer, labels: new Map(citable.map((c, i) => [c.id, labels[i]!])), bibliography }
  const about = { kind: style.info.kind, notes, placement, punctuationInQuote: engine.punctuationInQuote(), answer }
  const references = () => bibliography.map((r) => ({ sourceId: r.sourceId, text: runsToText(r.runs) }))
  if (!before) return { ...about, labels, references: references() }
  const changed = citable.flatMap((c, i): [string, string][] => (before.labels.get(c.id) === labels[i] ? [] : [[c.id, labels[i]!]]))
  return { ...about, since: before.answer, changed, ...(before.bibliography === bibliography ? {} : { references: references() }) }
}
