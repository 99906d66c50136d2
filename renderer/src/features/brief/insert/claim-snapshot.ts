import type { EvidentApi } from '@shared/api'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { toEvidentError } from '../../../api/errors'

/**
 * Everything a citation stores about its claim, taken at the moment it is cited. The core builds it
 * (claims.snapshot), short citation included, so the editor and the export never disagree on it.
 */
export async function fetchClaimSnapshot(api: EvidentApi, claimId: string): Promise<CitationSnapshot> {
  try {
    const [snapshot] = await api.invoke('claims.snapshot', { ids: [claimId] })
    if (snapshot) return snapshot
  } catch (error) {
    const e = toEvidentError(error)
    if (e.code !== 'NOT_FOUND' && e.code !== 'INVALID_INPUT') throw e
  }
  throw new Error('That claim is no longer in the library, so it was not cited.')
}
