import type { EvidentApi } from '@shared/api'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { emitWindowEvent } from '../../../ui/window-events'
import { OPEN_SOURCE_EVENT, type OpenSourceDetail } from '../events'
import type { ClaimLive } from './citation-store'

/** Why a citation cannot be opened, in words for the analyst; null when it can. */
export function cannotOpen(snapshot: CitationSnapshot): string | null {
  return snapshot.sourceId ? null : 'The source of this claim is no longer in the project.'
}

/** Finds the quote's current position (the claim may have been re-anchored since it was cited) and asks the shell to open it. */
export async function openInSource(api: EvidentApi, snapshot: CitationSnapshot, live: ClaimLive): Promise<OpenSourceDetail | null> {
  if (!snapshot.sourceId) return null
  let anchor = 'claim' in live ? live.claim.anchor : null
  if (!anchor && live.status !== 'deleted') {
    try {
      anchor = (await api.invoke('claims.get', { id: snapshot.claimId })).anchor
    } catch {
      anchor = null
    }
  }
  const detail: OpenSourceDetail = {
    sourceId: snapshot.sourceId,
    start: anchor ? anchor.start : null,
    end: anchor ? anchor.end : null,
    paragraph: anchor ? anchor.paragraph : snapshot.paragraph,
    claimId: snapshot.claimId,
    quote: snapshot.quote,
  }
  emitWindowEvent(OPEN_SOURCE_EVENT, detail)
  return detail
}
