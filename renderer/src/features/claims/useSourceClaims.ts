import { useCallback, useEffect, useState } from 'react'
import type { Claim } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { useEvent } from '../../ui/useEvent'

/** The claims on one source, fetched again whenever claims change or the source is re-imported. */
export function useSourceClaims(sourceId: string | null): Claim[] {
  const api = useApi()
  const [claims, setClaims] = useState<Claim[]>([])
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEvent('claims.changed', reload)
  // A re-import re-anchors the open source's claims. A removal is left alone: the reader is about to close
  // that source, and asking for its claims now would only fetch a "not found".
  useEvent('sources.changed', ({ reason }) => reason !== 'remove' && reload())

  useEffect(() => {
    if (!sourceId) {
      setClaims([])
      return
    }
    let stale = false
    api
      .invoke('claims.forSource', { sourceId })
      .then((list) => !stale && setClaims(list))
      // Highlights are an aid: without them the reader still works, so a failure is not worth a toast.
      .catch(() => !stale && setClaims([]))
    return () => {
      stale = true
    }
  }, [api, sourceId, version])
  return claims
}
