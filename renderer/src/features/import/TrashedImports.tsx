import { useState } from 'react'
import type { ImportSummary } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { useAttempt } from '../../api/useAttempt'
import { ErrorNote } from '../../ui/ErrorNote'

type Trashed = NonNullable<ImportSummary['inTrash']>[number]

/**
 * Files whose source waits in the Trash: the import made no copy, and each is offered back here, where the
 * analyst decides (restoring brings its claims with it). Left alone, the source stays in the Trash.
 */
export function TrashedImports({ items, onOpenSource }: { items: Trashed[]; onOpenSource: (id: string) => void }) {
  return (
    <section className="import-group" aria-label="In the Trash">
      <h3>In the Trash — not imported again</h3>
      <ul>
        {items.map((item) => (
          <TrashedImport key={item.fileName + item.trashId} item={item} onOpenSource={onOpenSource} />
        ))}
      </ul>
    </section>
  )
}

function TrashedImport({ item, onOpenSource }: { item: Trashed; onOpenSource: (id: string) => void }) {
  const api = useApi()
  const { busy, error, attempt } = useAttempt()
  const [restored, setRestored] = useState(false)
  const restore = () => attempt(async () => void (await api.invoke('trash.restore', { ids: [item.trashId] }))).then((ok) => ok && setRestored(true))
  return (
    <li>
      {item.fileName}{' '}
      <span className="muted">
        is “{item.title}” in the Trash ({item.detail})
      </span>{' '}
      {restored ? (
        <button type="button" className="link" onClick={() => onOpenSource(item.sourceId)}>
          Restored: open it
        </button>
      ) : (
        <button type="button" onClick={() => void restore()} disabled={busy}>
          Restore from Trash
        </button>
      )}
      <ErrorNote message={error} />
    </li>
  )
}
