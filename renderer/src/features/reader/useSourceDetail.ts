import { useEffect, useState } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { useEvent } from '../../ui/useEvent'

interface Loaded {
  id: string
  detail: SourceDetail | null
  error: string | null
}

export interface SourceDetailState {
  detail: SourceDetail | null
  loading: boolean
  error: string | null
}

/** The open source, re-read when its record is edited. Answers for a source no longer open are dropped. */
export function useSourceDetail(sourceId: string | null): SourceDetailState {
  const api = useApi()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  useEvent('sources.changed', ({ reason }) => {
    if (reason === 'update') setVersion((v) => v + 1)
  })

  useEffect(() => {
    if (!sourceId) return
    let stale = false
    api
      .invoke('sources.get', { id: sourceId })
      .then((detail) => !stale && setLoaded({ id: sourceId, detail, error: null }))
      .catch((error: unknown) => !stale && setLoaded({ id: sourceId, detail: null, error: toEvidentError(error).message }))
    return () => {
      stale = true
    }
  }, [api, sourceId, version])

  if (!sourceId) return { detail: null, loading: false, error: null }
  if (loaded?.id !== sourceId) return { detail: null, loading: true, error: null }
  return { detail: loaded.detail, loading: false, error: loaded.error }
}
