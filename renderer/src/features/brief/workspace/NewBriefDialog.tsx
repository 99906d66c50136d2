import { useId, useState, type FormEvent } from 'react'
import type { BriefTemplate } from '@shared/dto/briefs'
import type { Question } from '@shared/dto/claims'
import { BriefFormDialog } from './BriefFormDialog'
import { QuestionField, type QuestionChoice } from './QuestionField'

const TEMPLATES: { id: BriefTemplate; label: string; hint: string }[] = [
  { id: 'policy-brief', label: 'Policy brief', hint: 'Key messages, Background, The problem, Options (benefits and risks), Recommendations, References' },
  { id: 'briefing-note', label: 'Briefing note', hint: 'Summary, Background, Discussion, Recommendation, References' },
  { id: 'ministerial-submission', label: 'Ministerial submission', hint: 'Issue, Recommendation, Timing, then Background and Argument, References; numbered paragraphs' },
  { id: 'blank', label: 'Blank', hint: 'No sections: an empty page to start from' },
]

export interface NewBrief {
  title: string
  template: BriefTemplate
  question: QuestionChoice
}

interface Props {
  questions: Question[]
  onCreate(brief: NewBrief): Promise<void>
  onClose(): void
}

export function NewBriefDialog({ questions, onCreate, onClose }: Props) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<BriefTemplate>('policy-brief')
  const [question, setQuestion] = useState<QuestionChoice>({ kind: questions.length ? 'existing' : 'none', id: questions[0]?.id ?? '' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return setError('Give the brief a title.')
    setBusy(true)
    try {
      await onCreate({ title: title.trim(), template, question })
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <BriefFormDialog title="New brief" submitLabel="Create brief" busy={busy} error={error} onSubmit={submit} onClose={onClose}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} type="text" data-autofocus value={title} onChange={(e) => (setTitle(e.target.value), setError(null))} />
      <fieldset>
        <legend>Template</legend>
        {TEMPLATES.map((t) => (
          <label key={t.id} className="radio-row">
            <input type="radio" name={`${id}-template`} value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} />
            <span>
              {t.label}
              <span className="muted radio-hint">{t.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <QuestionField questions={questions} value={question} onChange={setQuestion} />
    </BriefFormDialog>
  )
}
