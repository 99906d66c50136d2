import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Question, Tag } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { useEvent } from '../../ui/useEvent'

export interface Taxonomy {
  tags: Tag[]
  questions: Question[]
  tagById: Map<string, Tag>
  questionById: Map<string, Question>
  /** Set when the lists could not be loaded (e.g. the claims core is not available yet). */
  error: string | null
  reload: () => void
}

/**
 * Tags and questions, sorted for pickers (tags by path so children follow their parent). Reloaded on
 * 'claims.changed' because renaming, merging or deleting a tag changes claims too, and on a project switch.
 */
export function useTaxonomy(): Taxonomy {
  const api = useApi()
  const [tags, setTags] = useState<Tag[]>([])
  const [questions, setQuestions] = useState<Question[]>([])
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEvent('claims.changed', reload)
  useEvent('project.changed', reload)

  useEffect(() => {
    let stale = false
    Promise.all([api.invoke('tags.list', {}), api.invoke('questions.list', {})])
      .then(([t, q]) => {
        if (stale) return
        setTags([...t].sort((a, b) => a.path.localeCompare(b.path)))
        setQuestions(q)
        setError(null)
      })
      .catch((e: unknown) => {
        if (!stale) setError(e instanceof Error ? e.message : 'Tags and questions could not be loaded.')
      })
    return () => {
      stale = true
    }
  }, [api, version])

  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const questionById = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions])
  return { tags, questions, tagById, questionById, error, reload }
}
