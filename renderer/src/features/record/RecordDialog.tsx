import { useId, useState } from 'react'
import type { SourceSummary } from '@shared/dto/sources'
import { Dialog } from '../../ui/Dialog'
import { FormDialogFooter } from '../../ui/DialogFooters'
import { useToast } from '../../ui/Toast'
import { useSourceDetail } from '../reader/useSourceDetail'
import { AttachReferences } from './AttachReferences'
import { LookupIdentifier } from './LookupIdentifier'
import { RecordForm } from './RecordForm'

export interface RecordDialogProps {
  sourceId: string
  sources: SourceSummary[]
  /** An identifier to look up, offered by the import summary for a DOI the document gave. */
  lookup?: string
  onClose: () => void
}

export function RecordDialog({ sourceId, sources, lookup, onClose }: RecordDialogProps) {
  const toast = useToast()
  const formId = useId()
  const { detail, loading, error } = useSourceDetail(sourceId)
  const [busy, setBusy] = useState(false)

  return (
    <Dialog
      title="Edit record"
      onClose={onClose}
      size="large"
      footer={<FormDialogFooter formId={formId} submitLabel={busy ? 'Saving…' : 'Save record'} onCancel={onClose} disabled={!detail || busy} />}
    >
      {loading && <p role="status">Loading the record…</p>}
      {error && <p role="alert">{error}</p>}
      {detail && (
        <>
          <p className="muted record-file">{detail.fileName}</p>
          <LookupIdentifier
            sourceId={sourceId}
            initial={lookup ?? detail.csl.DOI ?? ''}
            onAccepted={(service, fields) => toast.info(`${fields} ${fields === 1 ? 'field' : 'fields'} taken from ${service}.`)}
          />
          <RecordForm
            // A record attached from a file replaces what the form shows: remount it on the new record.
            key={JSON.stringify(detail.csl)}
            formId={formId}
            sourceId={sourceId}
            csl={detail.csl}
            provenance={detail.provenance}
            onBusy={setBusy}
            onSaved={() => {
              toast.info('Record saved.')
              onClose()
            }}
          />
          <AttachReferences sources={sources} onApplied={() => toast.info('Record attached.')} />
        </>
      )}
    </Dialog>
  )
}
