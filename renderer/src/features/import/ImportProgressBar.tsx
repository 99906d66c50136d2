import type { ImportProgress } from '../../../../electron/shared/dto/sources'

export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const { index, total, fileName, batchId } = progress
  const label = batchId
    ? index > 0
      ? `Importing file ${index} of ${total} — ${fileName}`
      : `Importing ${total} ${total === 1 ? 'file' : 'files'}…`
    : `Reading ${total} ${total === 1 ? 'file' : 'files'}…`
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span className="import-progress-label">{label}</span>
      <progress max={total} value={Math.max(index - 1, 0)} aria-label="Import progress" />
      <button type="button" onClick={onCancel} disabled={!batchId}>
        Cancel import
      </button>
    </div>
  )
}
