import { useId, useState, type FormEvent } from 'react'
import { BriefFormDialog } from './BriefFormDialog'

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
    <BriefFormDialog title="Rename brief" size="small" submitLabel="Rename" error={error} onSubmit={submit} onClose={onClose}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} type="text" data-autofocus value={value} onChange={(e) => (setValue(e.target.value), setError(null))} />
    </BriefFormDialog>
  )
}
