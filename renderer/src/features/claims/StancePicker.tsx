import { useId, useState } from 'react'
import { STANCES, type ClaimStance, type Question, type Stance } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { useAttempt } from '../../api/useAttempt'
import { ChoiceOptions, labelledChoices } from '../../ui/ChoiceOptions'
import { EnterToCreateInput } from '../../ui/EnterToCreateInput'
import { ErrorNote } from '../../ui/ErrorNote'
import { STANCE_LABELS } from './labels'

export interface StancePickerProps {
  questions: Question[]
  stances: ClaimStance[]
  onChange: (stances: ClaimStance[]) => void
  onCreated: () => void
}

/** A claim's stance is stated per question; "No stance" leaves the question out of the claim. */
export function StancePicker({ questions, stances, onChange, onCreated }: StancePickerProps) {
  const api = useApi()
  const [created, setCreated] = useState<Question[]>([])
  const [text, setText] = useState('')
  const { busy, error, setError, attempt } = useAttempt()
  const errorId = useId()
  const all = [...questions, ...created.filter((c) => !questions.some((q) => q.id === c.id))]

  function set(questionId: string, stance: Stance | '') {
    const rest = stances.filter((s) => s.questionId !== questionId)
    onChange(stance ? [...rest, { questionId, stance }] : rest)
  }

  const create = () =>
    attempt(async () => {
      const question = await api.invoke('questions.create', { text })
      setCreated((list) => [...list, question])
      setText('')
      onCreated()
    })

  return (
    <fieldset className="stance-picker">
      <legend>Stance</legend>
      {all.length === 0 && <p className="muted">No questions yet: add the question your brief answers.</p>}
      {all.map((q) => (
        <label key={q.id} className="stance-row">
          <span className="stance-question">{q.text}</span>
          <select
            aria-label={`Stance on “${q.text}”`}
            value={stances.find((s) => s.questionId === q.id)?.stance ?? ''}
            onChange={(e) => set(q.id, STANCES.find((s) => s === e.target.value) ?? '')}
          >
            <ChoiceOptions blank="No stance" choices={labelledChoices(STANCES, STANCE_LABELS)} />
          </select>
        </label>
      ))}
      <div className="inline-create">
        <EnterToCreateInput
          type="text"
          aria-label="New question"
          placeholder="Add a question, e.g. Should hospital trusts run general practice?"
          value={text}
          onValue={setText}
          onEnter={() => text.trim() && void create()}
          refusal={{ id: errorId, message: error, clear: () => setError(null) }}
        />
        <button type="button" disabled={busy || !text.trim()} onClick={() => void create()}>
          Add question
        </button>
      </div>
      <ErrorNote id={errorId} message={error} />
    </fieldset>
  )
}
