import type { ButtonHTMLAttributes } from 'react'

export interface FormDialogFooterProps {
  /** The id of the form in the dialog's body: the footer sits outside it, so the submit button names it. */
  formId: string
  submitLabel: string
  onCancel: () => void
  disabled?: boolean
}

/** Cancel, then the form's own submit button, for a dialog whose body is one form. */
export function FormDialogFooter({ formId, submitLabel, onCancel, disabled }: FormDialogFooterProps) {
  return <CancelThen onCancel={onCancel} primary={{ type: 'submit', form: formId, disabled, children: submitLabel }} />
}

export interface ActionDialogFooterProps {
  actionLabel: string
  onAction: () => void
  onCancel: () => void
  disabled?: boolean
}

/** Cancel, then the dialog's one action, for a dialog whose body is not a form of its own. */
export function ActionDialogFooter({ actionLabel, onAction, onCancel, disabled }: ActionDialogFooterProps) {
  return <CancelThen onCancel={onCancel} primary={{ type: 'button', onClick: onAction, disabled, children: actionLabel }} />
}

/** Every such footer: Cancel first, the dialog's primary button last. */
function CancelThen({ onCancel, primary }: { onCancel: () => void; primary: ButtonHTMLAttributes<HTMLButtonElement> }) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button {...primary} className="primary" />
    </>
  )
}
