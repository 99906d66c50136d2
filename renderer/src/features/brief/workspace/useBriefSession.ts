import { useCallback, useEffect, useRef, useState } from 'react'
import type { LexicalEditor } from 'lexical'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import { toEvidentError } from '../../../api/errors'
import { useApi } from '../../../api/context'
import { useEvent } from '../../../ui/useEvent'
import type { SaveStatus } from '../editor/autosave'
import type { AutosaveHandle } from '../editor/AutosavePlugin'
import { $setTitle } from '../outline/section-ops'
import type { BriefSettings } from './BriefSettingsDialog'
import type { NewBrief } from './NewBriefDialog'
import { resolveQuestion } from './questions'
import type { BriefList } from './useBriefList'

/**
 * The open brief and everything done to briefs as wholes (create, rename, duplicate, delete, settings,
 * restore). Every action first flushes autosave, so nothing typed a moment ago is lost or overwritten.
 */
export function useBriefSession(list: BriefList) {
  const api = useApi()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [doc, setDoc] = useState<BriefDocument | null>(null)
  const [mount, setMount] = useState(0)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null })
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null)
  const autosave = useRef<AutosaveHandle | null>(null)
  const editorRef = useRef<LexicalEditor | null>(null)
  const { briefs, loading, refresh, replace } = list

  const show = useCallback((d: BriefDocument) => {
    setDoc(d)
    setSelectedId(d.id)
    setMount((m) => m + 1)
    setLoadError(null)
    setStatus(d.readOnly ? { kind: 'read-only', message: d.message ?? '' } : { kind: 'saved', at: null })
  }, [])

  // Open the most recent brief at first, and another one if the open brief goes away.
  useEffect(() => {
    if (loading) return
    if (!selectedId || !briefs.some((b) => b.id === selectedId)) setSelectedId(briefs[0]?.id ?? null)
  }, [briefs, loading, selectedId])

  useEffect(() => {
    if (!selectedId) return setDoc(null)
    if (doc?.id === selectedId) return
    let cancelled = false
    api.invoke('briefs.get', { id: selectedId }).then(
      (d) => !cancelled && show(d),
      (e: unknown) => !cancelled && setLoadError(toEvidentError(e).message),
    )
    return () => {
      cancelled = true
    }
  }, [api, selectedId, doc?.id, show])

  // The project reopened read-only (or writable again): the open brief is read again, so the editor follows.
  // (Assumed writable at first: if it was not, the one extra read is harmless.)
  const projectReadOnly = useRef(false)
  useEvent('project.changed', (info) => {
    const now = Boolean(info.readOnly)
    const before = projectReadOnly.current
    projectReadOnly.current = now
    if (before === now || !selectedId) return
    api.invoke('briefs.get', { id: selectedId }).then(show, (e: unknown) => setLoadError(toEvidentError(e).message))
  })

  // What the editor's autosave reports. Once the shown brief is read-only, its status stays as show() set it: a
  // report then can only come from the editor it replaced (a save flushed as the project reopened read-only).
  const reportSaveStatus = useCallback((next: SaveStatus) => setStatus((shown) => (shown.kind === 'read-only' ? shown : next)), [])

  const flush = useCallback(async () => {
    await autosave.current?.flush()
  }, [])

  const open = useCallback(
    async (id: string) => {
      await flush()
      setSelectedId(id)
    },
    [flush],
  )

  async function create(brief: NewBrief) {
    const questionId = await resolveQuestion(api, brief.question)
    await flush()
    const created = await api.invoke('briefs.create', { title: brief.title, template: brief.template, questionId })
    // The list must know the new brief before it is selected, or the selection would snap back to another.
    await refresh()
    show(created)
  }

  async function rename(title: string) {
    if (!doc) return
    await flush()
    const summary = await api.invoke('briefs.update', { id: doc.id, title })
    replace(summary)
    if (doc.readOnly || !editorRef.current) return show(await api.invoke('briefs.get', { id: doc.id }))
    // The core rewrote the stored title heading; write the same into the open editor and build on that revision.
    autosave.current?.setBaseRevision(summary.revision)
    editorRef.current.update(() => $setTitle(title))
  }

  async function duplicate() {
    if (!doc) return
    await flush()
    const copy = await api.invoke('briefs.duplicate', { id: doc.id })
    await refresh()
    setSelectedId(copy.id)
  }

  async function remove() {
    if (!doc) return
    await flush()
    await api.invoke('briefs.delete', { id: doc.id })
    setDeleted({ id: doc.id, title: doc.title })
    const rest = await refresh()
    setSelectedId(rest[0]?.id ?? null)
  }

  async function undoDelete() {
    if (!deleted) return
    setDeleted(null)
    const restored = await api.invoke('briefs.undelete', { id: deleted.id })
    await refresh()
    await open(restored.id)
  }

  async function saveSettings(settings: BriefSettings) {
    if (!doc) return
    const questionId = await resolveQuestion(api, settings.question)
    const summary = await api.invoke('briefs.update', { id: doc.id, style: settings.style, notes: settings.notes, questionId, layout: settings.layout })
    replace(summary)
    setDoc((d) => (d && d.id === summary.id ? { ...d, style: summary.style, notes: summary.notes, questionId: summary.questionId, layout: summary.layout } : d))
  }

  async function restore(revisionId: number) {
    if (!doc) return
    await flush()
    const restored = await api.invoke('briefs.restoreRevision', { id: doc.id, revisionId })
    show(restored)
    const { content: _content, readOnly: _readOnly, message: _message, ...summary } = restored
    replace(summary)
  }

  const onSaved = useCallback((summary: BriefSummary) => replace(summary), [replace])

  return {
    doc,
    mount,
    loadError,
    status,
    reportSaveStatus,
    deleted,
    clearDeleted: useCallback(() => setDeleted(null), []),
    autosave,
    editorRef,
    open,
    create,
    rename,
    duplicate,
    remove,
    undoDelete,
    saveSettings,
    restore,
    onSaved,
  }
}
