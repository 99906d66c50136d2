export interface FormDialogFooterProps {
  /** The id of the form in the dialog's body: the footer sits outside it, so the submit button names it. */
  formId: string
  submitLabel: string
  onCancel: () => void
  disabled?: boolean
}

/** Cancel, then the form's own submit button, for a dialog whose body is one form. */
export function FormDialogFooter({ formId, submitLabel, onCancel, disabled }: FormDialogFooterProps) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="primary" disabled={disabled}>
        {submitLabel}
      </button>
    </>
  )
}
