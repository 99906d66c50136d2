import { useRef, useState } from 'react'
import type { NewVersionResult, SourceSummary } from '@shared/dto/sources'
import { MAX_IMPORT_FILE_BYTES } from '@shared/limits'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { DOCUMENT_ACCEPT } from '../import/formats'

export function describeNewVersion(result: NewVersionResult): string {
  const parts = [`New version imported. ${result.anchored} claim${result.anchored === 1 ? '' : 's'} found again word for word.`]
  if (result.changed) {
    parts.push(
      ` ${result.changed} claim${result.changed === 1 ? ' is' : 's are'} marked “changed in the source”: ${result.changed === 1 ? 'it keeps its' : 'they keep their'} cited words until you accept the new ones on the claim.`,
    )
  }
  if (result.orphaned) parts.push(` ${result.orphaned} claim${result.orphaned === 1 ? '' : 's'} no longer match and are flagged as orphaned: re-attach them from the Claims tab.`)
  return parts.join('')
}

/**
 * Replaces a source's text with a new version of the same document (a revised report, a corrected
 * article); every claim on it is re-anchored by the core, and the ones it cannot find are flagged.
 */
export function NewVersionButton({ source, disabled = false }: { source: SourceSummary; disabled?: boolean }) {
  const api = useApi()
  const toast = useToast()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)

  async function importVersion(file: File) {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      toast.error(new Error(`“${file.name}” is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`))
      return
    }
    setBusy(true)
    try {
      const { handle } = await api.handleForFile(file)
      const result = await api.invoke('sources.importNewVersion', { id: source.id, file: handle })
      toast.info(source.referenceOnly ? `Full text attached to “${source.title}”: you can quote it now.` : describeNewVersion(result))
    } catch (error) {
      toast.error(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        disabled={busy || disabled}
        onClick={() => input.current?.click()}
        title={source.referenceOnly ? `Attach the full text of “${source.title}” from a file` : `Replace the text of “${source.title}” with a new version`}
      >
        {busy ? 'Importing…' : source.referenceOnly ? 'Attach full text…' : 'New version…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={DOCUMENT_ACCEPT}
        aria-label={source.referenceOnly ? `Choose the full text of ${source.title}` : `Choose a new version of ${source.title}`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) void importVersion(file)
        }}
      />
    </>
  )
}
