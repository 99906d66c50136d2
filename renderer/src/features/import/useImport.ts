import { useRef, useState, type RefObject } from 'react'
import type { ImportProgress, ImportSummary } from '@shared/dto/sources'
import { MAX_IMPORT_BATCH_FILES } from '@shared/limits'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { useEvent } from '../../ui/useEvent'
import { IMPORT_FILTERS } from './formats'
import { prepareFiles, type Failure } from './prepare-files'

export interface Importer {
  /** Import progress; batchId is '' while the files are still being read in the browser. */
  progress: ImportProgress | null
  summary: ImportSummary | null
  inputRef: RefObject<HTMLInputElement | null>
  choose(): Promise<void>
  importFiles(files: File[]): Promise<void>
  /** The Import from an address dialog. */
  addressDialog: boolean
  openAddressDialog(): void
  closeAddressDialog(): void
  importAddresses(addresses: string[]): Promise<void>
  /** The Add from Zotero dialog. */
  zoteroDialog: boolean
  openZoteroDialog(): void
  closeZoteroDialog(): void
  importZotero(keys: string[]): Promise<void>
  cancel(): void
  closeSummary(): void
}

export function useImport(): Importer {
  const api = useApi()
  const toast = useToast()
  const inputRef = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [addressDialog, setAddressDialog] = useState(false)
  const [zoteroDialog, setZoteroDialog] = useState(false)
  // Events can beat the invoke's answer: remember finished batches and failures found before sending.
  const finished = useRef(new Set<string>())
  const localFailures = useRef(new Map<string, Failure[]>())

  useEvent('import.progress', (p) => {
    if (!finished.current.has(p.batchId)) setProgress(p)
  })
  useEvent('import.done', (done) => {
    finished.current.add(done.batchId)
    const early = localFailures.current.get(done.batchId) ?? []
    localFailures.current.delete(done.batchId)
    setProgress(null)
    setSummary({ ...done, failed: [...early, ...done.failed] })
  })

  function started(batchId: string, total: number, failed: Failure[]) {
    if (failed.length) localFailures.current.set(batchId, failed)
    if (!finished.current.has(batchId)) setProgress((p) => (p?.batchId === batchId ? p : { batchId, index: 0, total, fileName: '' }))
  }

  async function run(start: () => Promise<{ batchId: string; total: number }>, failed: Failure[]) {
    try {
      const { batchId, total } = await start()
      started(batchId, total, failed)
    } catch (error) {
      setProgress(null)
      toast.error(error)
    }
  }

  async function importFiles(files: File[]) {
    if (files.length === 0) return
    if (files.length > MAX_IMPORT_BATCH_FILES) {
      toast.error(new Error(`At most ${MAX_IMPORT_BATCH_FILES} files can be imported at once.`))
      return
    }
    setProgress({ batchId: '', index: 0, total: files.length, fileName: 'Reading files…' })
    const prepared = await prepareFiles(api, files)
    if (prepared.handles.length === 0) {
      setProgress(null)
      setSummary({ batchId: '', imported: [], duplicates: [], failed: prepared.failed, cancelled: false })
      return
    }
    return run(() => api.invoke('sources.import', { files: prepared.handles }), prepared.failed)
  }

  async function choose() {
    try {
      const picked = await api.invoke('files.pickForReading', { title: 'Import sources', filters: IMPORT_FILTERS, multiple: true })
      if (picked.files.length === 0) return
      await run(() => api.invoke('sources.import', { files: picked.files.map((f) => f.handle) }), [])
    } catch (error) {
      toast.error(error)
    }
  }

  async function importAddresses(addresses: string[]) {
    setAddressDialog(false)
    setProgress({ batchId: '', index: 0, total: addresses.length, fileName: 'Fetching…' })
    await run(() => api.invoke('sources.importAddresses', { addresses }), [])
  }

  async function importZotero(keys: string[]) {
    setZoteroDialog(false)
    setProgress({ batchId: '', index: 0, total: keys.length, fileName: 'Asking Zotero…' })
    await run(() => api.invoke('sources.importZotero', { keys }), [])
  }

  function cancel() {
    const batchId = progress?.batchId
    if (!batchId) return
    api.invoke('sources.cancelImport', { batchId }).catch((error: unknown) => toast.error(error))
  }

  return {
    progress,
    summary,
    inputRef,
    choose,
    importFiles,
    addressDialog,
    openAddressDialog: () => setAddressDialog(true),
    closeAddressDialog: () => setAddressDialog(false),
    importAddresses,
    zoteroDialog,
    openZoteroDialog: () => setZoteroDialog(true),
    closeZoteroDialog: () => setZoteroDialog(false),
    importZotero,
    cancel,
    closeSummary: () => setSummary(null),
  }
}
