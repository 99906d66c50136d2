import { useEffect, useState } from 'react'
import type { SourceSearchHit } from '@shared/dto/sources'
import { MAX_SEARCH_QUERY_CHARS } from '@shared/limits'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'

const DEBOUNCE_MS = 250

export interface SearchState {
  /** The query these hits answer; '' when nothing was searched. */
  query: string
  hits: SourceSearchHit[]
  busy: boolean
}

/** Searches every source as the analyst types, ignoring answers to queries they have already changed. */
export function useSourceSearch(query: string, refreshKey: number): SearchState {
  const api = useApi()
  const toast = useToast()
  const [state, setState] = useState<SearchState>({ query: '', hits: [], busy: false })
  const trimmed = query.trim().slice(0, MAX_SEARCH_QUERY_CHARS)

  useEffect(() => {
    if (!trimmed) return
    let stale = false
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, busy: true }))
      api
        .invoke('sources.search', { query: trimmed, limit: 50 })
        .then((hits) => {
          if (!stale) setState({ query: trimmed, hits, busy: false })
        })
        .catch((error: unknown) => {
          if (stale) return
          setState({ query: trimmed, hits: [], busy: false })
          toast.error(error)
        })
    }, DEBOUNCE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [api, trimmed, refreshKey, toast])

  return trimmed ? state : { query: '', hits: [], busy: false }
}
