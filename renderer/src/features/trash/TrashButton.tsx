import { useState } from 'react'
import { TrashDialog } from './TrashDialog'
import { useTrash } from './useTrash'

/** The top bar's way into the Trash, with how many items wait there. */
export function TrashButton({ readOnly }: { readOnly: boolean }) {
  const trash = useTrash()
  const [open, setOpen] = useState(false)
  const n = trash.entries.length
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={n ? `Trash, ${n} item${n === 1 ? '' : 's'}` : 'Trash, empty'}>
        Trash{n > 0 && <span className="trash-count" aria-hidden="true">{n}</span>}
      </button>
      {open && <TrashDialog trash={trash} readOnly={readOnly} onClose={() => setOpen(false)} />}
    </>
  )
}
