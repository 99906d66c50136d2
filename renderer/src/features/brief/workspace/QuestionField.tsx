import { useId } from 'react'
import type { Question } from '@shared/dto/claims'

export type QuestionChoice = { kind: 'none'; id: string } | { kind: 'existing'; id: string } | { kind: 'new'; id: string; text: string }

const NEW = '__new__'
const NONE = '__none__'

/** The question a brief answers: one of the project's, a new one, or none yet. */
export function QuestionField({ questions, value, onChange }: { questions: Question[]; value: QuestionChoice; onChange(v: QuestionChoice): void }) {
  const id = useId()
  const selected = value.kind === 'new' ? NEW : value.kind === 'none' ? NONE : value.id
  return (
    <>
      <label htmlFor={`${id}-q`}>Question the brief answers</label>
      <select
        id={`${id}-q`}
        value={selected}
        onChange={(e) => {
          const v = e.target.value
          onChange(v === NEW ? { kind: 'new', id: '', text: '' } : v === NONE ? { kind: 'none', id: '' } : { kind: 'existing', id: v })
        }}
      >
        <option value={NONE}>No question yet</option>
        {questions.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text}
          </option>
        ))}
        <option value={NEW}>A new question…</option>
      </select>
      {value.kind === 'new' && (
        <>
          <label htmlFor={`${id}-new`}>New question</label>
          <input id={`${id}-new`} type="text" value={value.text} placeholder="Should hospital trusts run general practice?" onChange={(e) => onChange({ ...value, text: e.target.value })} />
        </>
      )}
    </>
  )
}
