import { useEffect } from 'react'
import type { EvidentApi } from '@shared/api'
import type { SourceSummary } from '@shared/dto/sources'
import { useCoreList } from '../../api/useCoreList'
import { useToast } from '../../ui/Toast'

export interface SourcesState {
  sources: SourceSummary[]
  /** True until the first list has arrived. */
  loading: boolean
  failed: boolean
}

const NONE: SourceSummary[] = []

/** The project's sources, kept fresh when an import, edit or removal changes them or another project opens. */
export function useSources(): SourcesState {
  const toast = useToast()
  const { value: sources, loading, error } = useCoreList((api: EvidentApi) => api.invoke('sources.list', {}), NONE, ['sources.changed', 'project.changed'])
  useEffect(() => {
    if (error !== null) toast.error(error)
  }, [error, toast])
  return { sources, loading, failed: error !== null }
}
