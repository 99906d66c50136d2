import { useMemo, useState, type ReactNode } from 'react'
import type { CslItem } from '@shared/dto/csl'
import type { RecordProvenance } from '@shared/dto/provenance'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { ProvenanceNote } from './ProvenanceNote'
import { cslFromFields, fieldsFromCsl, type RecordFields } from './record-model'

/** The record form's names for CSL fields; a field the form does not show is named as CSL names it. */
const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  author: 'Authors',
  'container-title': 'Journal, magazine or website',
  issued: 'Date published',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  publisher: 'Publisher',
  DOI: 'DOI',
  URL: 'URL',
  accessed: 'Accessed',
}

const filled = (value: unknown) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export interface FieldNotes {
  note(field: string): ReactNode
  /** Fields still resting on Evident's guesses, by their form label. */
  guesses: { field: string; label: string }[]
  confirm(fields: string[]): Promise<void>
  confirming: string | null
  error: string
}

/** Where each field came from, as the form shows it; confirming a guess is saved at once, apart from the form. */
export function useFieldNotes(sourceId: string, csl: CslItem, initial: RecordProvenance, fields: RecordFields): FieldNotes {
  const api = useApi()
  const [provenance, setProvenance] = useState(initial)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState('')
  // Both sides through the same conversion, so a field the form merely re-spells does not count as edited.
  const loaded = useMemo(() => cslFromFields(fieldsFromCsl(csl), csl), [csl])
  const current = useMemo(() => cslFromFields(fields, csl), [fields, csl])

  async function confirm(list: string[]) {
    setConfirming(list.length === 1 ? list[0]! : 'all')
    setError('')
    try {
      const detail = await api.invoke('sources.confirmFields', { id: sourceId, fields: list })
      setProvenance(detail.provenance)
    } catch (e) {
      setError(toEvidentError(e).message)
    } finally {
      setConfirming(null)
    }
  }

  const guesses = Object.keys(csl)
    .filter((field) => field !== 'id' && filled(csl[field]) && provenance[field]?.kind === 'guessed' && !provenance[field]?.confirmedAt)
    .map((field) => ({ field, label: FIELD_LABELS[field] ?? field }))

  return {
    note: (field) => (
      <ProvenanceNote
        label={FIELD_LABELS[field] ?? field}
        origin={provenance[field]}
        filled={filled(csl[field])}
        edited={!same(loaded[field], current[field])}
        confirming={confirming === field || confirming === 'all'}
        onConfirm={() => void confirm([field])}
      />
    ),
    guesses,
    confirm,
    confirming,
    error,
  }
}

/** Above the form: how many fields are guesses, with one action to confirm them all after checking. */
export function GuessBanner({ notes }: { notes: FieldNotes }) {
  if (!notes.guesses.length && !notes.error) return null
  const names = notes.guesses.map((g) => g.label.toLowerCase()).join(', ')
  return (
    <div className="guess-banner wide" role="status">
      {notes.guesses.length > 0 && (
        <p>
          {notes.guesses.length === 1 ? '1 field is' : `${notes.guesses.length} fields are`} Evident’s guess ({names}): check{' '}
          {notes.guesses.length === 1 ? 'it' : 'them'} against the source, correct what is wrong, and confirm what is right.
        </p>
      )}
      {notes.guesses.length > 1 && (
        <button type="button" onClick={() => void notes.confirm(notes.guesses.map((g) => g.field))} disabled={notes.confirming !== null}>
          {notes.confirming === 'all' ? 'Confirming…' : 'Confirm all as right'}
        </button>
      )}
      {notes.error && (
        <p className="form-error" role="alert">
          {notes.error}
        </p>
      )}
    </div>
  )
}
