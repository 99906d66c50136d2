import { useState } from 'react'
import type { BriefSummary, EvidentAdditions, NoteMode } from '@shared/dto/briefs'
import type { ExportResult, IntegrityReport } from '@shared/dto/citations'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { fileNameFor } from './paths'

/** Whether the check found something that stops the export: a quote that no longer matches, or an accessibility error. */
export function blocksExport(report: IntegrityReport): boolean {
  return !report.ok || report.accessibility.some((i) => i.severity === 'error')
}

/** form: choosing options; problems: the check found what stops the export. */
export type ExportStage = 'form' | 'problems'
export type ExportBusy = '' | 'checking' | 'exporting'

export interface ExportFlow {
  stage: ExportStage
  busy: ExportBusy
  report: IntegrityReport | null
  error: string
  checkQuotes(): Promise<void>
  start(): Promise<void>
  exportAnyway(): Promise<void>
  back(): void
  reset(): void
}

interface Inputs {
  brief: BriefSummary | null
  /** The style and notes of this export, which need not be the brief's own. */
  settings: { style: string; notes: NoteMode }
  extras: EvidentAdditions
  onExported(result: ExportResult): void
}

export function useExportFlow({ brief, settings, extras, onExported }: Inputs): ExportFlow {
  const api = useApi()
  const [stage, setStage] = useState<ExportStage>('form')
  const [busy, setBusy] = useState<ExportBusy>('')
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [error, setError] = useState('')

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

  /** target: the place the analyst chose (files.pickForWriting), written once. */
  async function write(target: string, forced: boolean): Promise<void> {
    if (!brief) return
    setBusy('exporting')
    setError('')
    try {
      const result = await api.invoke('export.docx', { briefId: brief.id, target, ...settings, ...extras, force: forced })
      onExported(result)
    } catch (e) {
      const failure = toEvidentError(e)
      setBusy('')
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

  /** The door decides where: Electron's save dialog (which asks before replacing a file), or a browser download. */
  async function choosePlace(forced: boolean): Promise<void> {
    if (!brief) return
    setError('')
    try {
      const { file } = await api.invoke('files.pickForWriting', {
        title: 'Export to Word',
        suggestedName: fileNameFor(brief.title),
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      })
      setStage('form')
      if (file) await write(file.handle, forced)
    } catch (e) {
      setError(toEvidentError(e).message)
    }
  }

  async function start(): Promise<void> {
    if (busy) return
    const checked = await runCheck()
    if (!checked) return
    if (blocksExport(checked)) return setStage('problems')
    await choosePlace(false)
  }

  return {
    stage,
    busy,
    report,
    error,
    checkQuotes: async () => {
      if (!busy) await runCheck()
    },
    start,
    exportAnyway: async () => {
      if (!busy) await choosePlace(true)
    },
    back: () => {
      setStage('form')
      setError('')
    },
    reset: () => {
      setStage('form')
      setReport(null)
      setError('')
    },
  }
}
