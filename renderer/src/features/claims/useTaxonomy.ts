import { useMemo } from 'react'
import type { EvidentApi } from '@shared/api'
import type { Question, Tag } from '@shared/dto/claims'
import { useCoreList } from '../../api/useCoreList'

export interface Taxonomy {
  tags: Tag[]
  questions: Question[]
  tagById: Map<string, Tag>
  questionById: Map<string, Question>
  /** Set when the lists could not be loaded (e.g. the claims core is not available yet). */
  error: string | null
  reload: () => void
}

const EMPTY: { tags: Tag[]; questions: Question[] } = { tags: [], questions: [] }

/**
 * Tags and questions, sorted for pickers (tags by path so children follow their parent). Reloaded on
 * 'claims.changed' because renaming, merging or deleting a tag changes claims too, and on a project switch.
 */
export function useTaxonomy(): Taxonomy {
  const { value, error, reload } = useCoreList(
    async (api: EvidentApi) => {
      const [tags, questions] = await Promise.all([api.invoke('tags.list', {}), api.invoke('questions.list', {})])
      return { tags: [...tags].sort((a, b) => a.path.localeCompare(b.path)), questions }
    },
    EMPTY,
    ['claims.changed', 'project.changed'],
  )
  const { tags, questions } = value
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const questionById = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions])
  const message = error === null ? null : error instanceof Error ? error.message : 'Tags and questions could not be loaded.'
  return { tags, questions, tagById, questionById, error: message, reload }
}
