import { useEffect, useState } from 'react'
import type { OriginalView } from '@shared/dto/original-view'
import { useApi } from '../../../api/context'
import { toEvidentError } from '../../../api/errors'

/** The source's page or .docx as the core's parser process laid it out (sanitised there, never here). */
export function useOriginalView(sourceId: string): { view: OriginalView | null; error: string | null } {
  const api = useApi()
  const [state, setState] = useState<{ view: OriginalView | null; error: string | null }>({ view: null, error: null })
  useEffect(() => {
    let gone = false
    setState({ view: null, error: null })
    api.invoke('sources.originalView', { id: sourceId }).then(
      (view) => !gone && setState({ view, error: null }),
      (e: unknown) => !gone && setState({ view: null, error: `The original could not be shown: ${toEvidentError(e).message}` }),
    )
    return () => {
      gone = true
    }
  }, [api, sourceId])
  return state
}
