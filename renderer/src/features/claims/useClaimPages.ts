import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClaimCard, ClaimQuery } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { useEvent } from '../../ui/useEvent'

export const PAGE_SIZE = 100

export type LibraryQuery = Omit<ClaimQuery, 'offset' | 'limit'>

export interface ClaimPages {
  /** Null until the first page of this query has arrived. */
  total: number | null
  error: string | null
  /**
   * The card at an index, if its page has arrived. A new function exactly when what it returns may have
   * changed (a page arrived, the query changed or a refresh started), so it can be a memo dependency.
   */
  item(index: number): ClaimCard | undefined
  /** Asks for the pages covering these indexes; the library calls it with what is on screen. */
  ensure(first: number, last: number): void
}

/**
 * The library never holds the whole result: it asks claims.search for the pages the virtual list shows,
 * so 100,000 claims cost as much as a hundred. A new query starts afresh; a 'claims.changed' refresh keeps
 * showing the old pages until the new ones arrive, so the list does not blink while the analyst works.
 */
export function useClaimPages(query: LibraryQuery): ClaimPages {
  const api = useApi()
  const key = JSON.stringify(query)
  const [refresh, setRefresh] = useState(0)
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pages = useRef(new Map<number, ClaimCard[]>())
  const stale = useRef(new Map<number, ClaimCard[]>())
  // What item() reads. The maps are filled in place; a new wrapper is set whenever they change, so item()
  // changes identity then and only then.
  const [view, setView] = useState(() => ({ pages: pages.current, stale: stale.current }))
  const inflight = useRef(new Set<number>())
  const generation = useRef(0)
  const visible = useRef<[number, number]>([0, 0])
  const lastKey = useRef(key)

  const bump = useCallback(() => setRefresh((r) => r + 1), [])
  useEvent('claims.changed', bump)
  useEvent('project.changed', bump)
  // Removing or re-importing a source orphans or re-anchors its claims without a 'claims.changed'.
  useEvent('sources.changed', bump)

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return
      const mine = generation.current
      inflight.current.add(page)
      // The key is the query itself, serialised: one dependency instead of one per filter.
      const query: LibraryQuery = JSON.parse(key)
      const args: ClaimQuery = { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }
      api
        .invoke('claims.search', args)
        .then((result) => {
          if (mine !== generation.current) return
          inflight.current.delete(page)
          pages.current.set(page, result.items)
          setTotal(result.total)
          setError(null)
          setView({ pages: pages.current, stale: stale.current })
        })
        .catch((e: unknown) => {
          if (mine !== generation.current) return
          inflight.current.delete(page)
          setError(toEvidentError(e).message)
          setTotal((t) => t ?? 0)
        })
    },
    [api, key],
  )

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last]
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(Math.max(first, last) / PAGE_SIZE); p++) fetchPage(p)
    },
    [fetchPage],
  )

  useEffect(() => {
    generation.current += 1
    const sameQuery = lastKey.current === key
    lastKey.current = key
    stale.current = sameQuery ? new Map([...stale.current, ...pages.current]) : new Map()
    pages.current = new Map()
    inflight.current = new Set()
    setView({ pages: pages.current, stale: stale.current })
    if (!sameQuery) {
      setTotal(null)
      visible.current = [0, 0]
    }
    const [first, last] = visible.current
    ensure(first, last)
  }, [key, refresh, ensure])

  const item = useCallback(
    (index: number) => {
      const page = Math.floor(index / PAGE_SIZE)
      const list = view.pages.get(page) ?? view.stale.get(page)
      return list?.[index - page * PAGE_SIZE]
    },
    [view],
  )

  return { total, error, item, ensure }
}
