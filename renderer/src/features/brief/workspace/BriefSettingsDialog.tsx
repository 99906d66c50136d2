import { useId, useState, type FormEvent } from 'react'
import { NOTE_MODES, type BriefSummary, type NoteMode } from '@shared/dto/briefs'
import { describeTarget, parseTargetLength, type BriefLayout } from '@shared/dto/brief-layout'
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
  layout: BriefLayout
}

interface Props {
  brief: BriefSummary
  styles: StyleInfo[]
  questions: Question[]
  onSave(settings: BriefSettings): Promise<void>
  onClose(): void
}

/**
 * Citation style, note mode, question, house layout and target length: stored with the brief, used by the
 * editor (labels, numbering, the box, the outline's target) and by export.
 */
export function BriefSettingsDialog({ brief, styles, questions, onSave, onClose }: Props) {
  const id = useId()
  const [style, setStyle] = useState(brief.style)
  const [notes, setNotes] = useState<NoteMode>(brief.notes)
  const [question, setQuestion] = useState<QuestionChoice>(brief.questionId ? { kind: 'existing', id: brief.questionId } : { kind: 'none', id: '' })
  const [numberedParagraphs, setNumbered] = useState(brief.layout.numberedParagraphs)
  const [keyMessagesBox, setBox] = useState(brief.layout.keyMessagesBox)
  const [target, setTarget] = useState(brief.layout.target ? describeTarget(brief.layout.target) : '')
  const [error, setError] = useState<string | null>(null)
  const known = styles.some((s) => s.id === style)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const length = parseTargetLength(target)
    if (!length.ok) return setError(length.message)
    try {
      await onSave({ style, notes, question, layout: { numberedParagraphs, keyMessagesBox, target: length.target } })
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
      <fieldset>
        <legend>House layout</legend>
        <label className="radio-row">
          <input type="checkbox" checked={numberedParagraphs} onChange={(e) => setNumbered(e.target.checked)} />
          <span>
            Numbered paragraphs
            <span className="muted radio-hint">Sections 1., 2. and their paragraphs 1.1, 1.2, as Word list numbering</span>
          </span>
        </label>
        <label className="radio-row">
          <input type="checkbox" checked={keyMessagesBox} onChange={(e) => setBox(e.target.checked)} />
          <span>
            Key messages in a box
            <span className="muted radio-hint">The Key messages section shaded and bordered</span>
          </span>
        </label>
      </fieldset>
      <label htmlFor={`${id}-target`}>Target length</label>
      <input
        id={`${id}-target`}
        type="text"
        value={target}
        maxLength={40}
        placeholder="4 pages"
        aria-describedby={`${id}-target-hint`}
        onChange={(e) => (setTarget(e.target.value), setError(null))}
      />
      <p id={`${id}-target-hint`} className="muted field-hint">
        Pages (about 500 words each) or words, such as “4 pages” or “2000 words”; leave empty for none.
      </p>
    </BriefFormDialog>
  )
}
