import { useCallback, useEffect, useState } from 'react'
import type { TrashEntry } from '@shared/dto/trash'
import { useApi } from '../../api/context'
import { useEvent } from '../../ui/useEvent'

export interface TrashState {
  entries: TrashEntry[]
  loading: boolean
  error: string | null
  reload: () => void
}

/** What is in the Trash, kept current by the core's `trash.changed` (and a project switch). */
export function useTrash(): TrashState {
  const api = useApi()
  const [entries, setEntries] = useState<TrashEntry[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEvent('trash.changed', reload)
  useEvent('project.changed', reload)

  useEffect(() => {
    let stale = false
    api
      .invoke('trash.list', {})
      .then((list) => {
        if (stale) return
        setEntries(list)
        setError(null)
      })
      .catch((e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => !stale && setLoading(false))
    return () => {
      stale = true
    }
  }, [api, version])

  return { entries, loading, error, reload }
}
