import { useId, useState, type FormEvent } from 'react'
import { Dialog } from '../../../ui/Dialog'

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
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary">
            Rename
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="brief-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} type="text" data-autofocus value={value} onChange={(e) => (setValue(e.target.value), setError(null))} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  )
}
