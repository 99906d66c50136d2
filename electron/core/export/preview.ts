import type Database from 'better-sqlite3'
import type { FormattedCitations, FormatRequest } from '../../shared/dto/citations'
import { runsToText } from '../citations/runs'
import { StyleRegistry } from '../citations/styles'
import type { ResolvedCitation } from './check'
import { loadClaims, loadSources } from './cited'
import { prepareCitations } from './prepare'

/** Shown for a claim that no longer exists, so labels still line up one-to-one with the request. */
const MISSING_LABEL = '[?]'

/**
 * In-text labels and the reference list for the editor's preview, as plain text: the same engine run as the
 * Word export, so what the analyst sees in the editor is what reviewers read in Word.
 */
export function formatCitations(db: Database.Database, resourcesDir: string, request: FormatRequest): FormattedCitations {
  const style = new StyleRegistry(db, resourcesDir).resolve(request.style)
  const claims = loadClaims(db, request.claimIds, null)
  const sources = loadSources(
    db,
    [...claims.values()].map((c) => c.sourceId).filter((id): id is string => Boolean(id)),
  )
  const resolved: ResolvedCitation[] = []
  const positions: number[] = []
  request.claimIds.forEach((claimId, i) => {
    const claim = claims.get(claimId)
    if (!claim) return
    const source = (claim.sourceId && sources.get(claim.sourceId)) || null
    positions.push(i)
    resolved.push({
      claimId,
      node: 'citation',
      snapshot: { claimId, statement: claim.statement, quote: claim.quote, sourceId: claim.sourceId, sourceTitle: claim.sourceTitle, shortCitation: '', paragraph: claim.anchor.paragraph },
      claim,
      source,
      status: 'ok',
      quote: claim.quote,
      paragraph: claim.anchor.paragraph,
      ...(claim.anchor.page !== undefined ? { page: claim.anchor.page } : {}),
    })
  })
  const prepared = prepareCitations(resolved, style, resourcesDir, 'none')
  const labels = request.claimIds.map(() => MISSING_LABEL)
  prepared.citations.forEach((c, i) => {
    labels[positions[i]!] = runsToText(c.label)
  })
  return {
    labels,
    references: prepared.references.map((r) => ({ sourceId: r.sourceId, text: runsToText(r.runs) })),
    kind: style.info.kind,
  }
}
