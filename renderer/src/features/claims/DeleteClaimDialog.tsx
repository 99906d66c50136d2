import { useEffect, useState } from 'react'
import type { CitingBrief } from '@shared/dto/trash'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

export interface DeleteClaimDialogProps {
  claimId: string
  onConfirm: () => void
  onCancel: () => void
}

/** Says which briefs cite the claim (and how often) before it goes to the Trash. */
export function DeleteClaimDialog({ claimId, onConfirm, onCancel }: DeleteClaimDialogProps) {
  const api = useApi()
  const [citing, setCiting] = useState<CitingBrief[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    api
      .invoke('claims.citedBy', { id: claimId })
      .then((list) => !stale && setCiting(list))
      .catch((e: unknown) => !stale && setError(toEvidentError(e).message))
    return () => {
      stale = true
    }
  }, [api, claimId])

  return (
    <ConfirmDialog title="Delete this claim?" confirmLabel="Delete claim" danger onConfirm={onConfirm} onCancel={onCancel}>
      <p>The claim, with its tags and stances, moves to the Trash; restore it from there. Its source is not changed.</p>
      {error ? (
        <p className="field-error">Which briefs cite it could not be checked: {error}</p>
      ) : citing === null ? (
        <p role="status" className="muted">
          Checking which briefs cite it…
        </p>
      ) : citing.length === 0 ? (
        <p className="muted">No brief cites it.</p>
      ) : (
        <>
          <p>
            <strong>
              {citing.length === 1 ? '1 brief cites' : `${citing.length} briefs cite`} this claim.
            </strong>{' '}
            {citing.length === 1 ? 'It keeps its' : 'They keep their'} copy of the quote, and the export check will say the claim is in the Trash:
          </p>
          <ul className="citing-briefs">
            {citing.map((b) => (
              <li key={b.briefId}>
                “{b.title}” — {b.citations === 1 ? '1 citation' : `${b.citations} citations`}
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  )
}
