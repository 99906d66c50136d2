import { useEffect, useState } from 'react'
import type { Claim } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import type { ClaimDraft } from './claims-ui'

/** What the claim form is about: the saved claim (when editing) and the quote with where it comes from. */
export interface ClaimSubject {
  loading: boolean
  error: string | null
  claim: Claim | null
  sourceId: string | null
  quote: string
  sourceTitle: string
  paragraph: number | null
  page: string | undefined
  /** The claim as a write returned it (accepting a quote change), without loading it again. */
  replace: (claim: Claim) => void
}

export function useClaimSubject(draft: ClaimDraft | null, claimId: string | null): ClaimSubject {
  const api = useApi()
  const [claim, setClaim] = useState<Claim | null>(null)
  const [titles, setTitles] = useState<Map<string, string>>(new Map())
  const [loading, setLoading] = useState(claimId !== null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    const loadClaim = claimId ? api.invoke('claims.get', { id: claimId }) : Promise.resolve(null)
    Promise.all([loadClaim, api.invoke('sources.list', {}).catch(() => [])])
      .then(([c, sources]) => {
        if (stale) return
        setClaim(c)
        setTitles(new Map(sources.map((s) => [s.id, s.title])))
        setLoading(false)
      })
      .catch((e: unknown) => {
        if (stale) return
        setError(toEvidentError(e).message)
        setLoading(false)
      })
    return () => {
      stale = true
    }
  }, [api, claimId])

  const sourceId = claim ? claim.sourceId : (draft?.sourceId ?? null)
  return {
    loading,
    error,
    claim,
    sourceId,
    quote: claim ? claim.quote : (draft?.exact ?? ''),
    sourceTitle: (sourceId && titles.get(sourceId)) || draft?.sourceTitle || (sourceId ? 'Source' : 'Source removed'),
    paragraph: claim ? claim.anchor.paragraph : (draft?.paragraph ?? null),
    page: claim ? claim.anchor.page : draft?.page,
    replace: setClaim,
  }
}
