import { useCallback, useEffect, useState } from 'react'
import type { BriefSummary } from '@shared/dto/briefs'
import type { StyleInfo } from '@shared/dto/citations'
import type { Question } from '@shared/dto/claims'
import { toEvidentError } from '../../../api/errors'
import { listenWindowEvent } from '../../../ui/window-events'
import { BRIEF_SETTINGS_CHANGED_EVENT } from '../../export/events'
import { useApi } from '../../../api/context'

/** Used when the core cannot list styles: the three that ship with Evident. */
export const FALLBACK_STYLES: StyleInfo[] = [
  { id: 'vancouver', title: 'Vancouver', kind: 'numeric', builtin: true },
  { id: 'harvard', title: 'Harvard (Cite Them Right)', kind: 'author-date', builtin: true },
  { id: 'apa', title: 'APA', kind: 'author-date', builtin: true },
]

export interface BriefList {
  briefs: BriefSummary[]
  loading: boolean
  error: string | null
  styles: StyleInfo[]
  questions: Question[]
  refresh(): Promise<BriefSummary[]>
  /** Puts a fresher summary (from a save or an update) in the list without a round trip. */
  replace(summary: BriefSummary): void
}

/** The project's briefs, citation styles and questions, kept fresh when the project changes. */
export function useBriefList(): BriefList {
  const api = useApi()
  const [briefs, setBriefs] = useState<BriefSummary[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [styles, setStyles] = useState<StyleInfo[]>(FALLBACK_STYLES)
  const [questions, setQuestions] = useState<Question[]>([])

  const refresh = useCallback(async () => {
    try {
      const list = await api.invoke('briefs.list', {})
      setBriefs(list)
      setError(null)
      return list
    } catch (e) {
      setError(toEvidentError(e).message)
      return []
    } finally {
      setLoading(false)
    }
  }, [api])

  const refreshExtras = useCallback(() => {
    api.invoke('citations.styles', {}).then(
      (list) => setStyles(list.length ? list : FALLBACK_STYLES),
      () => setStyles(FALLBACK_STYLES),
    )
    api.invoke('questions.list', {}).then(setQuestions, () => setQuestions([]))
  }, [api])

  useEffect(() => {
    void refresh()
    refreshExtras()
    const offProject = api.on('project.changed', () => {
      void refresh()
      refreshExtras()
    })
    const offClaims = api.on('claims.changed', () => api.invoke('questions.list', {}).then(setQuestions, () => undefined))
    // The export dialog may change a brief's style or notes, or load a new .csl style.
    const offSettings = listenWindowEvent(BRIEF_SETTINGS_CHANGED_EVENT, ({ brief }) => {
      setBriefs((list) => list.map((b) => (b.id === brief.id ? brief : b)))
      refreshExtras()
    })
    return () => {
      offProject()
      offClaims()
      offSettings()
    }
  }, [api, refresh, refreshExtras])

  const replace = useCallback((summary: BriefSummary) => {
    setBriefs((list) => list.map((b) => (b.id === summary.id ? summary : b)))
  }, [])

  return { briefs, loading, error, styles, questions, refresh, replace }
}
