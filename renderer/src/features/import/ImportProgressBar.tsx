import type { ImportProgress } from '@shared/dto/sources'

export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const { index, total, fileName, batchId, detail } = progress
  // A fetched address is reported by its address, which is long: "address 2 of 5" says what is going on.
  const what = /^https?:\/\//i.test(fileName) ? 'address' : 'file'
  const label = batchId
    ? index > 0
      ? `Importing ${what} ${index} of ${total} — ${fileName}${detail ? `: ${detail}` : ''}`
      : `Importing ${total} ${total === 1 ? 'file' : 'files'}…`
    : fileName === 'Fetching…'
      ? `Fetching ${total} ${total === 1 ? 'address' : 'addresses'}…`
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
