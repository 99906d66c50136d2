import type { EvidentApi } from '@shared/api'
import type { TrashEntry } from '@shared/dto/trash'
import { useCoreList } from '../../api/useCoreList'

export interface TrashState {
  entries: TrashEntry[]
  loading: boolean
  error: string | null
  reload: () => void
}

const NONE: TrashEntry[] = []

/** What is in the Trash, kept current by the core's `trash.changed` (and a project switch). */
export function useTrash(): TrashState {
  const { value: entries, loading, error, reload } = useCoreList((api: EvidentApi) => api.invoke('trash.list', {}), NONE, ['trash.changed', 'project.changed'])
  return { entries, loading, error: error === null ? null : error instanceof Error ? error.message : String(error), reload }
}
