import type { RemoveImpact, SourceSummary } from '@shared/dto/sources'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

export interface RemoveSourceDialogProps {
  source: SourceSummary
  impact: RemoveImpact
  onConfirm: () => void
  onCancel: () => void
}

export function RemoveSourceDialog({ source, impact, onConfirm, onCancel }: RemoveSourceDialogProps) {
  const n = impact.claimCount
  return (
    <ConfirmDialog title="Remove source?" confirmLabel="Remove source" danger onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        “{source.title}” and its original file move to the Trash. You can restore them from there until the Trash is emptied.
      </p>
      {n > 0 ? (
        <p>
          The {n === 1 ? 'claim' : `${n} claims`} taken from it stay in the library, marked <strong>orphaned</strong>, with their
          quotes; restoring the source anchors them again.
        </p>
      ) : (
        <p className="muted">No claims were taken from it.</p>
      )}
    </ConfirmDialog>
  )
}
