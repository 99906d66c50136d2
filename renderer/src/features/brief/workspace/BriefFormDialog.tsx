import { useId, type FormEvent, type ReactNode } from 'react'
import { Dialog, type DialogProps } from '../../../ui/Dialog'
import { FormDialogFooter } from '../../../ui/DialogFooters'
import { ErrorNote } from '../../../ui/ErrorNote'

export interface BriefFormDialogProps {
  title: string
  size?: DialogProps['size']
  submitLabel: string
  busy?: boolean
  /** The refusal of the last submit, shown under the fields. */
  error: string | null
  onSubmit(event: FormEvent): Promise<void>
  onClose(): void
  children: ReactNode
}

/** The brief dialogs that are one form (new, rename, settings): the fields, the refusal under them, Cancel and submit. */
export function BriefFormDialog({ title, size = 'medium', submitLabel, busy = false, error, onSubmit, onClose, children }: BriefFormDialogProps) {
  const formId = useId()
  return (
    <Dialog title={title} size={size} onClose={onClose} footer={<FormDialogFooter formId={formId} submitLabel={submitLabel} onCancel={onClose} disabled={busy} />}>
      <form id={formId} className="brief-form" onSubmit={(e) => void onSubmit(e)}>
        {children}
        <ErrorNote message={error} className="form-error" />
      </form>
    </Dialog>
  )
}
