import type { ImportSummary } from '@shared/dto/sources'
import { describeOcr } from '@shared/ocr-reading'
import { Dialog } from '../../ui/Dialog'
import { ReadingSummary } from '../../ui/ReadingSummary'
import { requestEditRecord } from '../record/events'
import { TrashedImports } from './TrashedImports'

export interface ImportSummaryDialogProps {
  summary: ImportSummary
  onOpenSource: (id: string) => void
  onClose: () => void
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function ImportSummaryDialog({ summary, onOpenSource, onClose }: ImportSummaryDialogProps) {
  const { imported, duplicates, failed, cancelled } = summary
  const references = summary.references ?? []
  const fromReferences = new Set(references.map((r) => r.fileName))
  const documents = imported.filter((i) => !fromReferences.has(i.fileName)).length
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
        {plural(documents, 'file', 'files')} imported · {plural(duplicates.length, 'duplicate', 'duplicates')} skipped ·{' '}
        {plural(failed.length, 'file', 'files')} failed
        {summary.inTrash?.length ? ` · ${plural(summary.inTrash.length, 'file', 'files')} in the Trash` : ''}
        {references.length > 0 && ` · ${plural(references.length, 'reference file', 'reference files')} read`}
      </p>
      {references.map((r) => (
        <section key={r.fileName} className="import-group" aria-label={`Reference file ${r.fileName}`}>
          <h3>{r.fileName}</h3>
          <ReadingSummary
            reading={r.reading}
            recordCount={r.created.length + r.updated.length}
            outcome={`${plural(r.created.length, 'new source known by its reference only', 'new sources known by their reference only')}, ${plural(r.updated.length, 'record of a source you have updated', 'records of sources you have updated')}`}
          />
        </section>
      ))}
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
                <span className="muted">
                  {item.fileName}
                  {fromReferences.has(item.fileName) ? ' · reference only, no text yet' : ''}
                  {item.ocr ? ` · ${describeOcr(item.ocr)}` : ''}
                  {item.reattachedClaims
                    ? ` · ${plural(item.reattachedClaims, 'claim', 'claims')} left by an earlier copy of this file attached again`
                    : ''}
                </span>
                {item.doi && (
                  <button
                    type="button"
                    className="link import-lookup"
                    onClick={() => {
                      onClose()
                      requestEditRecord({ sourceId: item.sourceId, lookup: item.doi })
                    }}
                  >
                    Look up DOI {item.doi}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.inTrash?.length ? (
        <TrashedImports
          items={summary.inTrash}
          onOpenSource={(id) => {
            onOpenSource(id)
            onClose()
          }}
        />
      ) : null}
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
