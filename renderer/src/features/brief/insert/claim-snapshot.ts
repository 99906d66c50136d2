import type { EvidentApi } from '../../../../../electron/shared/api'
import type { CitationSnapshot } from '../../../../../electron/shared/dto/brief-nodes'
import type { Claim } from '../../../../../electron/shared/dto/claims'
import { toEvidentError } from '../../../api/errors'
import { snapshotFromCard, snapshotFromClaim } from '../nodes/snapshot'

/** "Jones R, Smith A" + "2014" → "Jones et al. 2014": the library's short form, when its card is not at hand. */
export function shortCitationFrom(authors: string, year: string): string {
  const names = authors.split(',').map((a) => a.trim()).filter(Boolean)
  const first = names[0]?.split(/\s+/)[0] ?? ''
  const who = names.length > 1 ? `${first} et al.` : first
  return [who, year].filter(Boolean).join(' ')
}

async function titleAndShort(api: EvidentApi, claim: Claim): Promise<CitationSnapshot> {
  if (!claim.sourceId) return snapshotFromClaim(claim, 'Source removed from the project', '')
  // The claim card carries the library's own source title and short citation; look for it first.
  try {
    const page = await api.invoke('claims.search', { sourceId: claim.sourceId, limit: 500 })
    const card = page.items.find((c) => c.id === claim.id)
    if (card) return snapshotFromCard(card)
  } catch {
    // fall through to the source record
  }
  try {
    const source = (await api.invoke('sources.list', {})).find((s) => s.id === claim.sourceId)
    if (source) return snapshotFromClaim(claim, source.title, shortCitationFrom(source.authors, source.year))
  } catch {
    // fall through: a snapshot without a title still cites the right claim
  }
  return snapshotFromClaim(claim, 'Unknown source', '')
}

/** Everything a citation stores about its claim, fetched once at the moment it is cited. */
export async function fetchClaimSnapshot(api: EvidentApi, claimId: string): Promise<CitationSnapshot> {
  let claim: Claim
  try {
    claim = await api.invoke('claims.get', { id: claimId })
  } catch (error) {
    const e = toEvidentError(error)
    if (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT') throw new Error('That claim is no longer in the library, so it was not cited.')
    throw e
  }
  return titleAndShort(api, claim)
}
