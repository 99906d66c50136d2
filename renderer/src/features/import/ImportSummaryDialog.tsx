import type { ImportSummary } from '../../../../electron/shared/dto/sources'
import { Dialog } from '../../ui/Dialog'

export interface ImportSummaryDialogProps {
  summary: ImportSummary
  onOpenSource: (id: string) => void
  onClose: () => void
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function ImportSummaryDialog({ summary, onOpenSource, onClose }: ImportSummaryDialogProps) {
  const { imported, duplicates, failed, cancelled } = summary
  return (
    <Dialog
      title={cancelled ? 'Import cancelled' : 'Import finished'}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="import-totals">
        {plural(imported.length, 'file', 'files')} imported · {plural(duplicates.length, 'duplicate', 'duplicates')} skipped ·{' '}
        {plural(failed.length, 'file', 'files')} failed
      </p>
      {imported.length > 0 && (
        <section className="import-group" aria-label="Imported">
          <h3>Imported</h3>
          <ul>
            {imported.map((item) => (
              <li key={item.sourceId}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    onOpenSource(item.sourceId)
                    onClose()
                  }}
                >
                  {item.title}
                </button>{' '}
                <span className="muted">{item.fileName}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {duplicates.length > 0 && (
        <section className="import-group" aria-label="Duplicates skipped">
          <h3>Skipped — same content as a source you have</h3>
          <ul>
            {duplicates.map((item) => (
              <li key={item.fileName + item.existingSourceId}>
                {item.fileName} <span className="muted">is already here as “{item.existingTitle}”</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {failed.length > 0 && (
        <section className="import-group import-failed" aria-label="Failed">
          <h3>Could not import</h3>
          <ul>
            {failed.map((item, i) => (
              <li key={item.fileName + i}>
                <strong>{item.fileName}</strong>: {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {cancelled && <p className="muted">Files after the cancelled one were not imported.</p>}
    </Dialog>
  )
}
