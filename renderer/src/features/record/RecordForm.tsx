import { useId, useState, type FormEvent } from 'react'
import type { CslItem } from '@shared/dto/csl'
import type { RecordProvenance } from '@shared/dto/provenance'
import { CSL_TYPES } from '@shared/dto/csl'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { TextField } from '../../ui/TextField'
import { AuthorRows } from './AuthorRows'
import { GuessBanner, useFieldNotes } from './useFieldNotes'
import { cslFromFields, fieldsFromCsl, urlError, validate, type FieldErrors, type RecordFields } from './record-model'
import './record.css'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const TYPE_LABELS: Record<string, string> = {
  'article-journal': 'Journal article',
  'article-magazine': 'Magazine article',
  'article-newspaper': 'Newspaper article',
  'post-weblog': 'Blog post',
  webpage: 'Web page',
  report: 'Report',
  book: 'Book',
  chapter: 'Book chapter',
  legislation: 'Legislation',
  speech: 'Speech',
  interview: 'Interview',
  document: 'Document',
}

export interface RecordFormProps {
  formId: string
  sourceId: string
  csl: CslItem
  provenance: RecordProvenance
  onSaved: () => void
  onBusy?: (busy: boolean) => void
}

/** The CSL fields a citation needs. Nothing is sent until every field is valid. */
export function RecordForm({ formId, sourceId, csl, provenance, onSaved, onBusy }: RecordFormProps) {
  const api = useApi()
  const [fields, setFields] = useState<RecordFields>(() => fieldsFromCsl(csl))
  const notes = useFieldNotes(sourceId, csl, provenance, fields)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saveError, setSaveError] = useState('')
  const typeId = useId()
  const monthId = useId()
  const dateErrorId = useId()
  const set = (patch: Partial<RecordFields>) => setFields((f) => ({ ...f, ...patch }))
  const types: string[] = CSL_TYPES.some((t) => t === fields.type) ? [...CSL_TYPES] : [fields.type, ...CSL_TYPES]

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = validate(fields)
    setErrors(found)
    setSaveError('')
    if (Object.keys(found).length > 0) {
      // Take the analyst to the first thing to fix; it may be scrolled out of view in a long form.
      requestAnimationFrame(() => {
        const first = document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')
        first?.focus()
        // Centred, so the message under the box is in view too.
        first?.scrollIntoView({ block: 'center' })
      })
      return
    }
    onBusy?.(true)
    try {
      await api.invoke('sources.updateRecord', { id: sourceId, csl: cslFromFields(fields, csl) })
      onSaved()
    } catch (error) {
      setSaveError(toEvidentError(error).message)
    } finally {
      onBusy?.(false)
    }
  }

  return (
    <form id={formId} className="record-form" onSubmit={submit} noValidate aria-label="Bibliographic record">
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      <GuessBanner notes={notes} />
      <div className="field">
        <label htmlFor={typeId}>Type</label>
        <select id={typeId} value={fields.type} onChange={(e) => set({ type: e.target.value })}>
          {types.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t] ?? t}
            </option>
          ))}
        </select>
        <div>{notes.note('type')}</div>
      </div>
      <TextField label="Title" className="wide" value={fields.title} onValue={(title) => set({ title })} error={errors.title} note={notes.note('title')} />
      <AuthorRows authors={fields.authors} onChange={(authors) => set({ authors })} note={notes.note('author')} />
      <TextField
        label="Journal, magazine or website"
        className="wide"
        value={fields.container}
        onValue={(container) => set({ container })}
        note={notes.note('container-title')}
      />
      <fieldset className="date-fields">
        <legend>Date published</legend>
        <TextField
          label="Year"
          inputMode="numeric"
          value={fields.year}
          onValue={(year) => set({ year })}
          className="year"
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? dateErrorId : undefined}
        />
        <div className="field">
          <label htmlFor={monthId}>Month</label>
          <select id={monthId} value={fields.month} onChange={(e) => set({ month: e.target.value })}>
            <option value="">—</option>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Day" inputMode="numeric" value={fields.day} onValue={(day) => set({ day })} className="day" />
        {errors.date && (
          <span id={dateErrorId} className="field-error date-error" role="alert">
            {errors.date}
          </span>
        )}
        <div className="date-note">{notes.note('issued')}</div>
      </fieldset>
      <div className="field-row">
        <TextField label="Volume" value={fields.volume} onValue={(volume) => set({ volume })} note={notes.note('volume')} />
        <TextField label="Issue" value={fields.issue} onValue={(issue) => set({ issue })} note={notes.note('issue')} />
        <TextField label="Pages" value={fields.pages} onValue={(pages) => set({ pages })} note={notes.note('page')} />
      </div>
      <TextField label="Publisher" value={fields.publisher} onValue={(publisher) => set({ publisher })} note={notes.note('publisher')} />
      <TextField label="DOI" spellCheck={false} value={fields.doi} onValue={(doi) => set({ doi })} note={notes.note('DOI')} />
      <TextField
        label="URL"
        type="url"
        spellCheck={false}
        value={fields.url}
        onValue={(url) => set({ url })}
        error={errors.url}
        onBlur={() => setErrors((e) => ({ ...e, url: urlError(fields.url) }))}
        placeholder="https://"
        note={notes.note('URL')}
      />
      <TextField
        label="Accessed"
        type="date"
        value={fields.accessed}
        onValue={(accessed) => set({ accessed })}
        error={errors.accessed}
        note={notes.note('accessed')}
      />
    </form>
  )
}
