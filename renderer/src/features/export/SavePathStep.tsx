import { useId } from 'react'

interface Props {
  /** The footer's submit button points at this form. */
  formId: string
  value: string
  error: string
  /** The file is already there: offer to replace it (nothing is replaced without asking). */
  existing: boolean
  disabled: boolean
  onValue(path: string): void
  onSubmit(): void
  onReplace(): void
}

/** Browser mode has no native save dialog: the analyst types where the Word document goes. */
export function SavePathStep({ formId, value, error, existing, disabled, onValue, onSubmit, onReplace }: Props) {
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
          The full path of the file, ending in .docx. The folder must already exist; Evident asks before replacing a file.
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
            {existing && (
              <>
                {' '}
                <button type="button" className="link" disabled={disabled} onClick={onReplace}>
                  Replace it
                </button>
              </>
            )}
          </p>
        )}
      </div>
    </form>
  )
}
