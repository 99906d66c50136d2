import { useEffect, useState } from 'react'
import type { ClaimCard } from '@shared/dto/claims'
import { toEvidentError } from '../../../api/errors'
import { useApi } from '../../../api/context'

const DEBOUNCE_MS = 150
const LIMIT = 20

export interface ClaimSearchState {
  items: ClaimCard[]
  total: number
  loading: boolean
  error: string | null
}

/** Claims matching what the analyst typed (newest first when nothing is typed), searched as they type. */
export function useClaimSearch(text: string): ClaimSearchState {
  const api = useApi()
  const [state, setState] = useState<ClaimSearchState>({ items: [], total: 0, loading: true, error: null })

  useEffect(() => {
    let cancelled = false
    setState((s) => ({ ...s, loading: true }))
    const timer = setTimeout(() => {
      const query = text.trim()
      // Searching as they type: the last word is usually half-typed, so it is matched as a prefix.
      const prefixed = /[\p{L}\p{N}]$/u.test(query) ? `${query}*` : query
      api
        .invoke('claims.search', query ? { text: prefixed, limit: LIMIT } : { sort: 'newest', limit: LIMIT })
        .then(
          (page) => !cancelled && setState({ items: page.items, total: page.total, loading: false, error: null }),
          (error: unknown) => !cancelled && setState({ items: [], total: 0, loading: false, error: toEvidentError(error).message }),
        )
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, text])

  return state
}
