import { useId, useState, type FormEvent } from 'react'
import { NOTE_MODES, type BriefSummary, type NoteMode } from '@shared/dto/briefs'
import type { StyleInfo } from '@shared/dto/citations'
import type { Question } from '@shared/dto/claims'
import { BriefFormDialog } from './BriefFormDialog'
import { QuestionField, type QuestionChoice } from './QuestionField'

const NOTE_LABELS: Record<NoteMode, string> = {
  footnotes: 'Footnotes',
  endnotes: 'Endnotes',
  none: 'In-text citations with a reference list',
}

export interface BriefSettings {
  style: string
  notes: NoteMode
  question: QuestionChoice
}

interface Props {
  brief: BriefSummary
  styles: StyleInfo[]
  questions: Question[]
  onSave(settings: BriefSettings): Promise<void>
  onClose(): void
}

/** Citation style, note mode and question: stored with the brief, used by the editor's labels and by export. */
export function BriefSettingsDialog({ brief, styles, questions, onSave, onClose }: Props) {
  const id = useId()
  const [style, setStyle] = useState(brief.style)
  const [notes, setNotes] = useState<NoteMode>(brief.notes)
  const [question, setQuestion] = useState<QuestionChoice>(brief.questionId ? { kind: 'existing', id: brief.questionId } : { kind: 'none', id: '' })
  const [error, setError] = useState<string | null>(null)
  const known = styles.some((s) => s.id === style)

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await onSave({ style, notes, question })
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <BriefFormDialog title="Brief settings" submitLabel="Save settings" error={error} onSubmit={submit} onClose={onClose}>
      <label htmlFor={`${id}-style`}>Citation style</label>
      <select id={`${id}-style`} value={style} onChange={(e) => setStyle(e.target.value)} data-autofocus>
        {!known && <option value={style}>{style}</option>}
        {styles.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Notes</legend>
        {NOTE_MODES.map((mode) => (
          <label key={mode} className="radio-row">
            <input type="radio" name={`${id}-notes`} value={mode} checked={notes === mode} onChange={() => setNotes(mode)} />
            <span>{NOTE_LABELS[mode]}</span>
          </label>
        ))}
      </fieldset>
      <QuestionField questions={questions} value={question} onChange={setQuestion} />
    </BriefFormDialog>
  )
}
