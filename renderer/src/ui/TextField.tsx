import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onValue: (value: string) => void
  error?: string | undefined
  className?: string
  /** Shown under the box and read with it (e.g. where the value came from). */
  note?: ReactNode
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, value, onValue, error, className, note, type = 'text', ...rest }: TextFieldProps) {
  const id = useId()
  const errorId = useId()
  const noteId = useId()
  const describedBy = [error ? errorId : rest['aria-describedby'], note ? noteId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        id={id}
        type={type}
        value={value}
        aria-invalid={error ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        onChange={(e) => onValue(e.target.value)}
      />
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
      {note && <div id={noteId}>{note}</div>}
    </div>
  )
}
