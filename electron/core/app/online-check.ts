import type Database from 'better-sqlite3'
import type { OnlineCheckReport, OnlineSourceResult, SourceNotice } from '../../shared/dto/source-updates'
import { AppError, isAppError } from '../errors'
import { checkBrief } from '../export/export-docx'
import { nowIso } from '../ids'
import { noticesFromCrossref } from '../net/lookup/crossref-updates'
import { isSlowDown } from '../net/messages'
import { answerJson, askService, type ServiceRequest } from '../net/service'
import { query } from '../db/statement'
import { SourceUpdatesRepository } from '../sources/updates'

export interface CheckedSource {
  id: string
  title: string
  doi?: string
}

export interface OnlineCheckOptions extends Pick<ServiceRequest, 'env' | 'signal' | 'deadlineMs'> {
  /** Whether the answers may be kept in the project (not in a read-only one). */
  store: boolean
}

/** Crossref asks clients to keep to a few requests at a time. */
const AT_ONCE = 3
/** A single answer is small; a service that has not answered in this long is not going to. */
const DEADLINE_MS = 15_000

function doiOf(csl: unknown): string | undefined {
  const doi = (csl as { DOI?: unknown } | null)?.DOI
  return typeof doi === 'string' && doi.trim() ? doi.trim() : undefined
}

/** The sources a brief cites, each once, in order of first citation. */
export function citedSources(db: Database.Database, briefId: string): CheckedSource[] {
  const seen = new Map<string, CheckedSource>()
  for (const { source } of checkBrief(db, briefId).citations) {
    if (source && !seen.has(source.id)) seen.set(source.id, { id: source.id, title: source.title, doi: doiOf(source.csl) })
  }
  return [...seen.values()]
}

export function allSources(db: Database.Database): CheckedSource[] {
  return query<{ id: string; title: string; doi: string | null }>(db, "SELECT id, title, json_extract(csl, '$.DOI') AS doi FROM sources ORDER BY imported_at, rowid")
    .all()
    .map((r) => ({ id: r.id, title: r.title, doi: typeof r.doi === 'string' && r.doi.trim() ? r.doi.trim() : undefined }))
}

/** Crossref's answer for one DOI: its notices, or the AppError saying why there is none. */
async function noticesFor(doi: string, request: ServiceRequest): Promise<SourceNotice[]> {
  try {
    const answer = answerJson('crossref', await askService('crossref', `/works/${encodeURIComponent(doi)}`, request)) as { message?: unknown }
    if (!answer || typeof answer.message !== 'object' || answer.message === null) throw new AppError('NETWORK_ERROR', 'Crossref answered without the record of the DOI.')
    return noticesFromCrossref(answer.message as Record<string, unknown>)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', `Crossref does not know the DOI ${doi} (it may be registered with another agency, such as DataCite), so it could not be checked for retractions.`)
    }
    throw error
  }
}

/**
 * Asks Crossref about every source given that has a DOI, a few at a time, and reports each: its notices, or
 * why it was not checked. Nothing passes silently: a source without a DOI, a DOI Crossref does not know and
 * an answer that never came are each reported as not checked, with the reason. Once Crossref asks Evident to
 * slow down (429), no more is asked in this run. Answers are kept (when allowed) so the source, its claims and
 * the export check show them without asking again; a failed check keeps the last answer.
 */
export async function checkSourcesOnline(db: Database.Database, sources: CheckedSource[], options: OnlineCheckOptions): Promise<OnlineCheckReport> {
  const checkedAt = nowIso()
  const request: ServiceRequest = { env: options.env, signal: options.signal, deadlineMs: options.deadlineMs ?? DEADLINE_MS }
  const results: OnlineSourceResult[] = sources.map((s) => ({
    sourceId: s.id,
    sourceTitle: s.title,
    ...(s.doi ? { doi: s.doi, outcome: 'not-checked' as const } : { outcome: 'no-doi' as const, reason: 'It has no DOI, so Crossref cannot say whether it was retracted or corrected.' }),
    notices: [],
  }))
  const queue = results.filter((r) => r.doi)
  let stopped: AppError | undefined
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (stopped) {
        next.reason = stopped.message
        continue
      }
      try {
        next.notices = await noticesFor(next.doi!, request)
        next.outcome = 'checked'
      } catch (error) {
        if (isAppError(error) && error.code === 'CANCELLED') throw error
        const failure = isAppError(error) ? error : new AppError('NETWORK_ERROR', 'Crossref could not be asked.')
        next.reason = failure.message
        if (isSlowDown(error)) stopped = failure
      }
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, worker))
  if (options.store) {
    const store = new SourceUpdatesRepository(db)
    db.transaction(() => {
      for (const r of results) if (r.outcome === 'checked' && r.doi) store.save(r.sourceId, r.doi, checkedAt, r.notices)
    })()
  }
  return {
    checkedAt,
    results,
    pages: [],
    changedQuotes: 0,
    retracted: results.filter((r) => r.notices.some((n) => n.kind === 'retraction')).length,
    notChecked: results.filter((r) => r.outcome !== 'checked').length,
    stored: options.store,
  }
}
