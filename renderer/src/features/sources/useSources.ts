import { useEffect, useState } from 'react'
import type { SourceSummary } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { useEvent } from '../../ui/useEvent'

export interface SourcesState {
  sources: SourceSummary[]
  /** True until the first list has arrived. */
  loading: boolean
  failed: boolean
}

/** The project's sources, kept fresh when an import, edit or removal changes them or another project opens. */
export function useSources(): SourcesState {
  const api = useApi()
  const toast = useToast()
  const [state, setState] = useState<SourcesState>({ sources: [], loading: true, failed: false })
  const [version, setVersion] = useState(0)
  const bump = () => setVersion((v) => v + 1)
  useEvent('sources.changed', bump)
  useEvent('project.changed', bump)

  useEffect(() => {
    let stale = false
    api
      .invoke('sources.list', {})
      .then((sources) => {
        if (!stale) setState({ sources, loading: false, failed: false })
      })
      .catch((error: unknown) => {
        if (stale) return
        setState((s) => ({ ...s, loading: false, failed: true }))
        toast.error(error)
      })
    return () => {
      stale = true
    }
  }, [api, version, toast])

  return state
}
