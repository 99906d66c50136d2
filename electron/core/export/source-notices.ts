import type Database from 'better-sqlite3'
import type { CitedSourceNotices } from '../../shared/dto/citations'
import { SourceUpdatesRepository } from '../sources/updates'
import type { CitedSource } from './cited'

/**
 * Each cited source once, in order of first citation, with the notices the last Check sources found for its
 * current DOI (nothing is fetched here: the export check reads what was stored).
 */
export function citedSourceNotices(db: Database.Database, sources: readonly (CitedSource | null)[]): CitedSourceNotices[] {
  const cited = [...new Map(sources.filter((s): s is CitedSource => Boolean(s)).map((s) => [s.id, s])).values()]
  const stored = new SourceUpdatesRepository(db).forSources(cited.map((s) => s.id))
  const found: CitedSourceNotices[] = []
  for (const source of cited) {
    const updates = stored.get(source.id)
    const doi = typeof source.csl.DOI === 'string' ? source.csl.DOI.trim().toLowerCase() : ''
    if (!updates?.notices.length || updates.doi.toLowerCase() !== doi) continue
    found.push({ sourceId: source.id, sourceTitle: source.title, checkedAt: updates.checkedAt, notices: updates.notices })
  }
  return found
}
