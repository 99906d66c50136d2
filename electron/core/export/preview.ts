import type Database from 'better-sqlite3'
import { effectiveNotes, placementOf } from '../../shared/citation-punctuation'
import type { CslItem } from '../../shared/dto/csl'
import type { FormattedCitations, FormatRequest } from '../../shared/dto/citations'
import type { CiteInput } from '../citations/engine'
import { LiveCitations } from '../citations/live'
import { htmlToRuns, runsToText } from '../citations/runs'
import { StyleRegistry } from '../citations/styles'
import { loadClaims, loadSources } from './cited'
import { locatorOf } from './prepare'

/** Shown for a cluster whose claims no longer exist, so labels still line up one-to-one with the request. */
const MISSING_LABEL = '?'

// The engines of the briefs open in this project (a few: the analyst switches between briefs and styles).
const live = new WeakMap<Database.Database, Map<string, { xml: string; engine: LiveCitations }>>()
const KEEP = 4

function engineFor(db: Database.Database, key: string, make: () => LiveCitations, xml: string, fresh: boolean): LiveCitations {
  let held = live.get(db)
  if (!held) live.set(db, (held = new Map()))
  const found = held.get(key)
  if (found && !fresh && found.xml === xml) {
    // Most recently used last, so the oldest is the one let go.
    held.delete(key)
    held.set(key, found)
    return found.engine
  }
  const engine = make()
  held.delete(key)
  held.set(key, { xml, engine })
  while (held.size > KEEP) held.delete(held.keys().next().value!)
  return engine
}

/**
 * The editor's labels (one per citation cluster) and reference list, as plain text: the same style, clusters
 * and note numbering as the Word export, so what the analyst sees is what reviewers read in Word. The engine
 * is kept per brief and updated incrementally (citations/live.ts).
 */
export function formatCitations(db: Database.Database, resourcesDir: string, request: FormatRequest): FormattedCitations {
  const style = new StyleRegistry(db, resourcesDir).resolve(request.style)
  const notes = effectiveNotes(style.info.kind, request.notes ?? 'none')
  const placement = placementOf(style.info.kind, notes)
  const engine = engineFor(
    db,
    `${request.briefId ?? ''}\0${request.style}\0${placement}`,
    () => new LiveCitations(style, resourcesDir, placement === 'note'),
    style.xml,
    request.fresh ?? false,
  )
  const claims = loadClaims(db, request.clusters.flatMap((c) => c.claimIds), null)
  const wanted = new Set<string>()
  const clusters = request.clusters.map((cluster) => {
    const items: CiteInput[] = []
    for (const claimId of cluster.claimIds) {
      const claim = claims.get(claimId)
      if (!claim?.sourceId) continue
      wanted.add(claim.sourceId)
      const locator = locatorOf({ paragraph: claim.anchor.paragraph, ...(claim.anchor.page !== undefined ? { page: claim.anchor.page } : {}) })
      items.push({ sourceId: claim.sourceId, ...(locator ? { locator } : {}) })
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
  const labels = citable.map((c) => (c.items.length ? runsToText(htmlToRuns(formatted[next++] ?? '')) : MISSING_LABEL))
  return {
    labels,
    references: engine.bibliography().map((r) => ({ sourceId: r.sourceId, text: runsToText(r.runs) })),
    kind: style.info.kind,
    notes,
    placement,
    punctuationInQuote: engine.punctuationInQuote(),
  }
}
