import { useState } from 'react'
import type { BriefSummary } from '../../../../electron/shared/dto/briefs'
import type { ExportResult, IntegrityReport } from '../../../../electron/shared/dto/citations'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import type { ExtraOptions } from './ExportOptionsForm'
import { checkTypedPath, defaultOutPath, fileNameFor } from './paths'

/** Whether the check found something that stops the export: a quote that no longer matches, or an accessibility error. */
export function blocksExport(report: IntegrityReport): boolean {
  return !report.ok || report.accessibility.some((i) => i.severity === 'error')
}

/** form: choosing options; problems: the check found what stops the export; path: browser mode asks where to write. */
export type ExportStage = 'form' | 'problems' | 'path'
export type ExportBusy = '' | 'checking' | 'exporting'

export interface ExportFlow {
  stage: ExportStage
  busy: ExportBusy
  report: IntegrityReport | null
  error: string
  /** The typed path names a file that is already there: the analyst is asked before it is replaced. */
  existing: boolean
  replaceExisting(): Promise<void>
  typedPath: string
  setTypedPath(path: string): void
  checkQuotes(): Promise<void>
  start(): Promise<void>
  exportAnyway(): Promise<void>
  submitPath(): Promise<void>
  back(): void
  reset(): void
}

interface Inputs {
  brief: BriefSummary | null
  extras: ExtraOptions
  projectPath: string
  onExported(result: ExportResult): void
}

export function useExportFlow({ brief, extras, projectPath, onExported }: Inputs): ExportFlow {
  const api = useApi()
  const [stage, setStage] = useState<ExportStage>('form')
  const [busy, setBusy] = useState<ExportBusy>('')
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [error, setError] = useState('')
  const [typedPath, setTypedPath] = useState('')
  const [existing, setExisting] = useState(false)
  // Remembered from "Export anyway" so the path step that follows still marks the failing quotes.
  const [force, setForce] = useState(false)

  async function runCheck(): Promise<IntegrityReport | null> {
    if (!brief) return null
    setBusy('checking')
    setError('')
    try {
      const result = await api.invoke('export.check', { briefId: brief.id })
      setReport(result)
      return result
    } catch (e) {
      setError(toEvidentError(e).message)
      return null
    } finally {
      setBusy('')
    }
  }

  /** overwrite: a native save dialog has already asked about an existing file, or the analyst chose Replace. */
  async function write(outPath: string, forced: boolean, overwrite: boolean): Promise<void> {
    if (!brief) return
    setBusy('exporting')
    setError('')
    setExisting(false)
    try {
      const result = await api.invoke('export.docx', { briefId: brief.id, outPath, style: brief.style, notes: brief.notes, ...extras, force: forced, overwrite })
      onExported(result)
    } catch (e) {
      const failure = toEvidentError(e)
      setBusy('')
      if (failure.code === 'CONFLICT') setExisting(true)
      // A source changed between the check and the write: show what changed rather than a wall of text.
      if (failure.code === 'QUOTE_MISMATCH' || failure.code === 'NOT_ACCESSIBLE') {
        const fresh = await runCheck()
        if (fresh && blocksExport(fresh)) return setStage('problems')
      }
      setError(failure.message)
      return
    }
    setBusy('')
  }

  async function choosePath(forced: boolean): Promise<void> {
    if (!brief) return
    setForce(forced)
    setError('')
    try {
      const picked = await api.invoke('platform.pickSavePath', {
        title: 'Export to Word',
        defaultName: fileNameFor(brief.title),
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      })
      if (!picked.supported) {
        setTypedPath((typed) => typed || defaultOutPath(projectPath, brief.title))
        return setStage('path')
      }
      setStage('form')
      const chosen = picked.paths[0]
      // The system's save dialog asks before it lets the analyst pick a file that is already there.
      if (chosen) await write(chosen, forced, true)
    } catch (e) {
      setError(toEvidentError(e).message)
    }
  }

  async function start(): Promise<void> {
    if (busy) return
    const checked = await runCheck()
    if (!checked) return
    if (blocksExport(checked)) return setStage('problems')
    await choosePath(false)
  }

  async function submitPath(): Promise<void> {
    if (busy) return
    const typed = checkTypedPath(typedPath)
    if ('error' in typed) return setError(typed.error)
    setTypedPath(typed.path)
    await write(typed.path, force, false)
  }

  return {
    stage,
    busy,
    report,
    error,
    existing,
    replaceExisting: async () => {
      if (!busy && existing) await write(typedPath, force, true)
    },
    typedPath,
    setTypedPath: (path) => {
      setTypedPath(path)
      setError('')
      setExisting(false)
    },
    checkQuotes: async () => {
      if (!busy) await runCheck()
    },
    start,
    exportAnyway: async () => {
      if (!busy) await choosePath(true)
    },
    submitPath,
    back: () => {
      setStage('form')
      setError('')
      setExisting(false)
    },
    reset: () => {
      setStage('form')
      setReport(null)
      setError('')
      setTypedPath('')
    },
  }
}
