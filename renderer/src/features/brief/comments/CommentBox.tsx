import { useId, useState, type FormEvent } from 'react'
import { cleanCommentText, MAX_COMMENT_CHARS } from '@shared/dto/comments'

interface Props {
  label: string
  submitLabel: string
  onSubmit(text: string): void
  onCancel?(): void
  autoFocus?: boolean
}

/** The one text box for a comment or a reply: control characters left out as typed, capped at the limit. */
export function CommentBox({ label, submitLabel, onSubmit, onCancel, autoFocus }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    onSubmit(text)
    setText('')
  }
  return (
    <form className="comment-box" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={MAX_COMMENT_CHARS}
        placeholder={label}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
        onChange={(e) => setText(cleanCommentText(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e)
        }}
      />
      <div className="comment-box-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
