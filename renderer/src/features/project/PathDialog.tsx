import { useId, useState, type FormEvent } from 'react'
import { MAX_PATH_CHARS, PROJECT_EXTENSION } from '../../../../electron/shared/limits'
import { Dialog } from '../../ui/Dialog'

export interface PathDialogProps {
  title: string
  actionLabel: string
  /** Shown under the box: what kind of path is wanted. */
  hint: string
  onSubmit: (path: string) => void
  onCancel: () => void
}

/** Where there is no native file dialog (browser mode), the analyst types the project file's path. */
export function PathDialog({ title, actionLabel, hint, onSubmit, onCancel }: PathDialogProps) {
  const [path, setPath] = useState('')
  const [error, setError] = useState('')
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    let value = path.trim()
    if (!value) return setError('Type the full path of a project file.')
    if (value.length > MAX_PATH_CHARS) return setError(`A path may be at most ${MAX_PATH_CHARS} characters.`)
    if (!value.toLowerCase().endsWith(PROJECT_EXTENSION)) value += PROJECT_EXTENSION
    onSubmit(value)
  }

  return (
    <Dialog title={title} onClose={onCancel} size="medium">
      <form className="path-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Project file path</label>
        <input
          id={inputId}
          type="text"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder={`/home/analyst/Documents/Brief${PROJECT_EXTENSION}`}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setPath(e.target.value)
            setError('')
          }}
          data-autofocus
        />
        <p id={hintId} className="muted field-hint">
          {hint}
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {actionLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
