import { useId } from 'react'

interface Props {
  /** The footer's submit button points at this form. */
  formId: string
  value: string
  error: string
  disabled: boolean
  onValue(path: string): void
  onSubmit(): void
}

/** Browser mode has no native save dialog: the analyst types where the Word document goes. */
export function SavePathStep({ formId, value, error, disabled, onValue, onSubmit }: Props) {
  const id = useId()
  return (
    <form
      id={formId}
      className="export-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <div className="export-field">
        <label htmlFor={`${id}-path`}>Save the Word document as</label>
        <input
          id={`${id}-path`}
          type="text"
          value={value}
          spellCheck={false}
          autoComplete="off"
          readOnly={disabled}
          placeholder="/home/analyst/Documents/Brief.docx"
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onValue(e.target.value)}
          data-export-focus
        />
        <p id={`${id}-hint`} className="muted field-hint">
          The full path of the file, ending in .docx. The folder must already exist; a file of that name is replaced.
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  )
}
