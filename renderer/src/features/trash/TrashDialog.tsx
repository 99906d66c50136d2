import { useState } from 'react'
import type { TrashEntry, TrashKind } from '@shared/dto/trash'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { ErrorNote } from '../../ui/ErrorNote'
import { useToast } from '../../ui/Toast'
import type { TrashState } from './useTrash'
import './trash.css'

const KIND_LABELS: Record<TrashKind, string> = { source: 'Source', claim: 'Claim', brief: 'Brief', tag: 'Tag', question: 'Question' }

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

export interface TrashDialogProps {
  trash: TrashState
  readOnly: boolean
  onClose: () => void
}

type Asking = { kind: 'empty' } | { kind: 'purge'; entry: TrashEntry } | null

/** The Trash as its own view: what went, what it held and when; Restore, Delete forever, Empty Trash. */
export function TrashDialog({ trash, readOnly, onClose }: TrashDialogProps) {
  const api = useApi()
  const toast = useToast()
  const [asking, setAsking] = useState<Asking>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { entries } = trash

  async function run(work: () => Promise<string>) {
    setBusy(true)
    setError(null)
    try {
      toast.info(await work())
    } catch (e) {
      setError(toEvidentError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const restore = (ids: string[]) =>
    run(async () => {
      const { restored } = await api.invoke('trash.restore', { ids })
      return restored.length === 1 ? `Restored “${restored[0]!.name}”.` : `Restored ${restored.length} items.`
    })


  function confirm() {
    const what = asking
    setAsking(null)
    if (what?.kind === 'empty')
      void run(async () => {
        const { purged } = await api.invoke('trash.empty', {})
        return `Deleted ${purged} ${purged === 1 ? 'item' : 'items'} for good.`
      })
    if (what?.kind === 'purge') void run(async () => (await api.invoke('trash.purge', { ids: [what.entry.id] }), `Deleted “${what.entry.name}” for good.`))
  }

  const footer = (
    <>
      <button type="button" className="footer-start danger" disabled={readOnly || busy || entries.length === 0} onClick={() => setAsking({ kind: 'empty' })}>
        Empty Trash…
      </button>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </>
  )

  return (
    <Dialog title="Trash" onClose={onClose} size="large" footer={footer}>
      <p className="muted trash-intro">
        Deleted sources, claims, briefs, tags and questions wait here until you empty the Trash. A removed source keeps its original
        file; its claims stay in the library, orphaned, until it is restored.
      </p>
      {readOnly && <p className="muted">This project is open read-only: nothing can be restored or deleted here.</p>}
      <ErrorNote message={error ?? trash.error} className="field-error" />
      {trash.loading ? (
        <p role="status">Loading the Trash…</p>
      ) : entries.length === 0 ? (
        <p className="empty-state">The Trash is empty.</p>
      ) : (
        <table className="trash-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Deleted</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="trash-kind">{KIND_LABELS[entry.kind]}</td>
                <td>
                  <div className="trash-name">{entry.name}</div>
                  {entry.detail && <div className="muted trash-detail">{entry.detail}</div>}
                </td>
                <td className="trash-when">
                  <time dateTime={entry.trashedAt}>{WHEN.format(new Date(entry.trashedAt))}</time>
                </td>
                <td className="trash-actions">
                  {/* A claim whose source is in the Trash too comes back with it (the core restores sources first). */}
                  <button
                    type="button"
                    disabled={readOnly || busy}
                    aria-label={`${entry.needs ? 'Restore with its source' : 'Restore'} ${KIND_LABELS[entry.kind].toLowerCase()} “${entry.name}”`}
                    onClick={() => void restore(entry.needs ? [entry.id, entry.needs] : [entry.id])}
                  >
                    {entry.needs ? 'Restore with its source' : 'Restore'}
                  </button>
                  <button type="button" className="danger-link" disabled={readOnly || busy} aria-label={`Delete ${KIND_LABELS[entry.kind].toLowerCase()} “${entry.name}” forever`} onClick={() => setAsking({ kind: 'purge', entry })}>
                    Delete forever
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          title={asking.kind === 'empty' ? 'Empty the Trash?' : `Delete “${asking.entry.name}” forever?`}
          confirmLabel={asking.kind === 'empty' ? 'Empty Trash' : 'Delete forever'}
          danger
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>
            {asking.kind === 'empty' ? `The ${entries.length === 1 ? 'item' : `${entries.length} items`} in the Trash will be deleted for good.` : 'It will be deleted for good.'}{' '}
            This cannot be undone.
          </p>
          <p className="muted">Claims of a removed source stay in the library, orphaned; importing the same file again re-attaches them.</p>
        </ConfirmDialog>
      )}
    </Dialog>
  )
}
