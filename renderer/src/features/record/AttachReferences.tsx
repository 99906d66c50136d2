import { useId, useState } from 'react'
import type { RecordMatch, ReferenceFileReading, SourceSummary } from '@shared/dto/sources'
import { MAX_REFERENCE_FILE_BYTES } from '@shared/limits'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { ReadingSummary } from '../../ui/ReadingSummary'

interface Row {
  match: RecordMatch
  sourceId: string
  state: 'ready' | 'saving' | 'applied'
  error: string
}

export interface AttachReferencesProps {
  sources: SourceSummary[]
  /** Called after a record is written to a source. */
  onApplied: (sourceId: string) => void
}

function describe(match: RecordMatch): string {
  const item = match.item
  const author = item.author?.[0]
  const who = author ? (author.literal ?? author.family ?? '') + ((item.author?.length ?? 0) > 1 ? ' et al.' : '') : ''
  const year = item.issued?.['date-parts']?.[0]?.[0]
  return [who, year, item['container-title']].filter(Boolean).join(' · ')
}

/** Reads a .json/.bib/.ris file, matches each record to a source, and writes the ones the analyst applies. */
export function AttachReferences({ sources, onApplied }: AttachReferencesProps) {
  const api = useApi()
  const [rows, setRows] = useState<Row[] | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [fileName, setFileName] = useState('')
  const [reading, setReading] = useState<ReferenceFileReading | null>(null)
  const inputId = useId()
  const update = (i: number, patch: Partial<Row>) => setRows((list) => list?.map((r, j) => (j === i ? { ...r, ...patch } : r)) ?? null)

  async function read(file: File | undefined) {
    if (!file) return
    setError('')
    setRows(null)
    setReading(null)
    if (file.size > MAX_REFERENCE_FILE_BYTES) return setError(`A reference file may be at most ${MAX_REFERENCE_FILE_BYTES / 1024 / 1024} MB.`)
    setBusy(true)
    setFileName(file.name)
    try {
      const result = await api.invoke('sources.parseRecords', { text: await file.text() })
      setReading(result)
      setRows(result.records.map((match) => ({ match, sourceId: match.sourceId ?? '', state: 'ready', error: '' })))
    } catch (e) {
      setError(toEvidentError(e).message)
    } finally {
      setBusy(false)
    }
  }

  async function apply(i: number, row: Row) {
    update(i, { state: 'saving', error: '' })
    try {
      // Every field the file gives is the file's, even where it agrees with what the source had.
      const origin = { kind: 'reference-file' as const, detail: (fileName || 'a reference file').slice(0, 300) }
      const origins = Object.fromEntries(Object.keys(row.match.item).filter((field) => field !== 'id').map((field) => [field, origin]))
      await api.invoke('sources.updateRecord', { id: row.sourceId, csl: { ...row.match.item, id: row.sourceId }, origins })
      update(i, { state: 'applied' })
      onApplied(row.sourceId)
    } catch (e) {
      update(i, { state: 'ready', error: toEvidentError(e).message })
    }
  }

  return (
    <section className="attach" aria-labelledby={inputId + '-h'}>
      <h3 id={inputId + '-h'}>Attach from a reference file</h3>
      <p className="muted">Records exported from Zotero, EndNote or Mendeley (.json, .bib or .ris) are matched to your sources by DOI or title.</p>
      <label className="file-button" htmlFor={inputId}>
        Choose reference file…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".json,.bib,.ris,application/json"
        onChange={(e) => {
          void read(e.target.files?.[0])
          e.target.value = ''
        }}
      />
      {busy && <p role="status">Reading records…</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {reading && <ReadingSummary reading={reading} recordCount={reading.records.length} />}
      {rows && rows.length > 0 && (
        <ul className="attach-list" aria-label="Records in the reference file">
          {rows.map((row, i) => (
            <li key={i} className="attach-row">
              <div className="attach-record">
                <strong>{row.match.item.title ?? 'Untitled record'}</strong>
                <span className="muted">{describe(row.match)}</span>
                {row.match.matchedBy && <span className="muted">Matched by {row.match.matchedBy === 'doi' ? 'DOI' : 'title'}</span>}
              </div>
              <select
                aria-label={`Source for “${row.match.item.title ?? 'record ' + (i + 1)}”`}
                value={row.sourceId}
                disabled={row.state !== 'ready'}
                onChange={(e) => update(i, { sourceId: e.target.value })}
              >
                <option value="">Choose a source…</option>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!row.sourceId || row.state !== 'ready'} onClick={() => void apply(i, row)}>
                {row.state === 'applied' ? 'Applied' : row.state === 'saving' ? 'Applying…' : 'Apply'}
              </button>
              {row.error && (
                <span className="field-error" role="alert">
                  {row.error}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
