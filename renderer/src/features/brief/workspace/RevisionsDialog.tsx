import { useEffect, useState } from 'react'
import type { BriefRevision } from '@shared/dto/briefs'
import { toEvidentError } from '../../../api/errors'
import { Dialog } from '../../../ui/Dialog'
import { ErrorNote } from '../../../ui/ErrorNote'
import { useApi } from '../../../api/context'

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

interface Props {
  briefId: string
  /** A damaged brief may restore even the newest stored version: the live copy is the damaged one. */
  readOnly: boolean
  onRestore(revisionId: number): Promise<void>
  onClose(): void
}

/** The brief's saved versions, newest first; restoring one is a new save on top, so it can be undone the same way. */
export function RevisionsDialog({ briefId, readOnly, onRestore, onClose }: Props) {
  const api = useApi()
  const [revisions, setRevisions] = useState<BriefRevision[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api.invoke('briefs.revisions', { id: briefId }).then(setRevisions, (e: unknown) => setError(toEvidentError(e).message))
  }, [api, briefId])

  async function restore(id: number) {
    setBusy(true)
    try {
      await onRestore(id)
    } catch (e) {
      setError(toEvidentError(e).message)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Version history"
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <ErrorNote message={error} className="form-error" />
      {!revisions && !error && <p className="muted">Loading versions…</p>}
      {revisions && (
        <ol className="revision-list" aria-label="Saved versions">
          {revisions.map((r, i) => (
            <li key={r.id} className="revision-row">
              <span>
                <strong>{WHEN.format(new Date(r.savedAt))}</strong>
                <span className="muted">
                  {' '}
                  · {r.wordCount.toLocaleString('en-GB')} words{i === 0 && !readOnly ? ' · current' : ''}
                </span>
              </span>
              {(i > 0 || readOnly) && (
                <button type="button" disabled={busy} onClick={() => void restore(r.id)} aria-label={`Restore the version saved ${WHEN.format(new Date(r.savedAt))}`}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  )
}
