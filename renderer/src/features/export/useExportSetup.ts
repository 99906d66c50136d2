import { useEffect, useState } from 'react'
import type { BriefSummary, EvidentAdditions, NoteMode } from '@shared/dto/briefs'
import type { StyleInfo } from '@shared/dto/citations'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { emitWindowEvent } from '../../ui/window-events'
import { BRIEF_SETTINGS_CHANGED_EVENT } from './events'

export interface BriefSettingsChange {
  style?: string
  notes?: NoteMode
  additions?: Partial<EvidentAdditions>
}

export interface ExportSetup {
  loading: boolean
  /** Why the dialog cannot offer anything (the lists failed to load). */
  loadError: string
  briefs: BriefSummary[]
  styles: StyleInfo[]
  projectPath: string
  brief: BriefSummary | null
  selectBrief(id: string): void
  /** Saves the style, notes or additions on the brief at once: the editor and the CLI use the same setting. */
  saveSettings(change: BriefSettingsChange): Promise<void>
  settingsError: string
  addStyle(style: StyleInfo): void
}

function newestFirst(briefs: BriefSummary[]): BriefSummary[] {
  return [...briefs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export function useExportSetup(preselect: string | undefined): ExportSetup {
  const api = useApi()
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState('')
  const [briefs, setBriefs] = useState<BriefSummary[]>([])
  const [styles, setStyles] = useState<StyleInfo[]>([])
  const [projectPath, setProjectPath] = useState('')
  const [briefId, setBriefId] = useState('')
  const [settingsError, setSettingsError] = useState('')

  useEffect(() => {
    let stale = false
    Promise.all([api.invoke('briefs.list', {}), api.invoke('citations.styles', {}), api.invoke('project.info', {})])
      .then(([list, styleList, info]) => {
        if (stale) return
        const sorted = newestFirst(list)
        setBriefs(sorted)
        setStyles(styleList)
        setProjectPath(info.path)
        setBriefId(sorted.find((b) => b.id === preselect)?.id ?? sorted[0]?.id ?? '')
      })
      .catch((error: unknown) => !stale && setLoadError(toEvidentError(error).message))
      .finally(() => !stale && setLoading(false))
    return () => {
      stale = true
    }
  }, [api, preselect])

  const brief = briefs.find((b) => b.id === briefId) ?? null

  async function saveSettings(change: BriefSettingsChange): Promise<void> {
    if (!brief) return
    const before = brief
    setSettingsError('')
    const shown = { ...change, additions: { ...before.additions, ...change.additions } }
    setBriefs((list) => list.map((b) => (b.id === before.id ? { ...b, ...shown } : b)))
    try {
      const saved = await api.invoke('briefs.update', { id: before.id, ...change })
      setBriefs((list) => list.map((b) => (b.id === saved.id ? saved : b)))
      emitWindowEvent(BRIEF_SETTINGS_CHANGED_EVENT, { brief: saved })
    } catch (error) {
      // Put back what is really stored, so the dialog never shows a setting the brief does not have.
      setBriefs((list) => list.map((b) => (b.id === before.id ? before : b)))
      setSettingsError(toEvidentError(error).message)
    }
  }

  function addStyle(style: StyleInfo): void {
    setStyles((list) => (list.some((s) => s.id === style.id) ? list : [...list, style]))
  }

  function selectBrief(id: string): void {
    setSettingsError('')
    setBriefId(id)
  }

  return { loading, loadError, briefs, styles, projectPath, brief, selectBrief, saveSettings, settingsError, addStyle }
}
