import { useId, useState, type FormEvent } from 'react'
import { Dialog } from '../../../ui/Dialog'
import { FormDialogFooter } from '../../../ui/DialogFooters'
import { ErrorNote } from '../../../ui/ErrorNote'

export function RenameBriefDialog({ title, onRename, onClose }: { title: string; onRename(title: string): Promise<void>; onClose(): void }) {
  const id = useId()
  const [value, setValue] = useState(title)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!value.trim()) return setError('A brief needs a title.')
    try {
      await onRename(value.trim())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <Dialog
      title="Rename brief"
      size="small"
      onClose={onClose}
      footer={<FormDialogFooter formId={`${id}-form`} submitLabel="Rename" onCancel={onClose} />}
    >
      <form id={`${id}-form`} className="brief-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} type="text" data-autofocus value={value} onChange={(e) => (setValue(e.target.value), setError(null))} />
        <ErrorNote message={error} className="form-error" />
      </form>
    </Dialog>
  )
}
