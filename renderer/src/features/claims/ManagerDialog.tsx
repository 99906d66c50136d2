import type { ReactNode } from 'react'
import { Dialog } from '../../ui/Dialog'
import { ErrorNote } from '../../ui/ErrorNote'

export interface ManagerDialogProps {
  title: string
  onClose: () => void
  /** The add form's fields and its submit button. */
  addFields: ReactNode
  onAdd: () => void
  /** The core's message for the last change refused. */
  error: string | null
  /** The list, and anything shown over it (a confirmation). */
  children: ReactNode
}

/** The tags and questions managers: an add form at the top, the last refusal under it, then the list; Done closes it. */
export function ManagerDialog({ title, onClose, addFields, onAdd, error, children }: ManagerDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} size="large" footer={<button type="button" onClick={onClose}>Done</button>}>
      <form
        className="manager-add"
        onSubmit={(e) => {
          e.preventDefault()
          onAdd()
        }}
      >
        {addFields}
      </form>
      <ErrorNote message={error} />
      {children}
    </Dialog>
  )
}
