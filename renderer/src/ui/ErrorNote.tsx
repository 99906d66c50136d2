export interface ErrorNoteProps {
  /** The core's (or the form's) message; nothing is shown while there is none. */
  message: string | null | undefined
  /** For the control that points at it with aria-describedby. */
  id?: string | undefined
  className?: string
}

/** A refusal shown where it happened and announced at once (role="alert"). */
export function ErrorNote({ message, id, className = 'field-error' }: ErrorNoteProps) {
  if (!message) return null
  return (
    <p id={id} className={className} role="alert">
      {message}
    </p>
  )
}
