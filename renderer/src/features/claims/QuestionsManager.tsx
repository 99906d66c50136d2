import { useState } from 'react'
import type { Question } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { ManagerDialog } from './ManagerDialog'
import { useGuardedDelete } from './useGuardedDelete'
import type { Taxonomy } from './useTaxonomy'
import './claim-form.css'
import { useManagerAction } from './useManagerAction'

export interface QuestionsManagerProps {
  taxonomy: Taxonomy
  onClose: () => void
}

function QuestionRow({ question, onRename, onDelete }: { question: Question; onRename: (text: string) => Promise<boolean>; onDelete: () => void }) {
  const [editing, setEditing] = useState<string | null>(null)
  const n = question.claimCount
  if (editing !== null) {
    return (
      <li className="manager-row">
        <form
          className="manager-actions manager-grow"
          onSubmit={(e) => {
            e.preventDefault()
            void onRename(editing).then((ok) => ok && setEditing(null))
          }}
        >
          <input type="text" aria-label={`New wording for “${question.text}”`} value={editing} onChange={(e) => setEditing(e.target.value)} autoFocus />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      </li>
    )
  }
  return (
    <li className="manager-row">
      <span className="manager-name">
        {question.text} <span className="muted">({n} {n === 1 ? 'claim' : 'claims'})</span>
      </span>
      <span className="manager-actions" role="group" aria-label={`Actions for question “${question.text}”`}>
        <button type="button" aria-label={`Rename “${question.text}”`} onClick={() => setEditing(question.text)}>
          Rename
        </button>
        <button type="button" aria-label={`Delete “${question.text}”`} onClick={onDelete}>
          Delete
        </button>
      </span>
    </li>
  )
}

/** The questions the brief answers; a claim states its stance per question. */
export function QuestionsManager({ taxonomy, onClose }: QuestionsManagerProps) {
  const api = useApi()
  const [text, setText] = useState('')
  const { questions, reload } = taxonomy
  const { error, setError, run } = useManagerAction(reload)
  const guarded = useGuardedDelete('question', (id, force) => api.invoke('questions.delete', { id, force }), setError, reload)

  return (
    <ManagerDialog
      title="Questions"
      onClose={onClose}
      error={error}
      onAdd={() => void run(() => api.invoke('questions.create', { text })).then((ok) => ok && setText(''))}
      addFields={
        <>
          <input type="text" aria-label="New question" placeholder="Should hospital trusts run general practice?" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={!text.trim()}>
            Add question
          </button>
        </>
      }
    >
      {questions.length === 0 ? (
        <p className="empty-state">No questions yet.</p>
      ) : (
        <ul className="manager-list" aria-label="All questions">
          {questions.map((q) => (
            <QuestionRow
              key={q.id}
              question={q}
              onRename={(t) => run(() => api.invoke('questions.rename', { id: q.id, text: t }))}
              onDelete={() => void guarded.request({ id: q.id, label: q.text, claimCount: q.claimCount })}
            />
          ))}
        </ul>
      )}
      {guarded.dialog}
    </ManagerDialog>
  )
}
