import { useState } from 'react'
import type { RemoveImpact, SourceSummary } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { EDIT_RECORD_EVENT } from '../record/events'
import { RecordDialog } from '../record/RecordDialog'
import { useWindowEvent } from '../../ui/window-events'
import { NewVersionButton } from './NewVersionButton'
import { downloadOriginal } from './original'
import { RemoveSourceDialog } from './RemoveSourceDialog'
import { SourceList } from './SourceList'
import type { SourcesState } from './useSources'
import './sources.css'

export interface SourcesPaneProps {
  state: SourcesState
  selectedId: string | null
  onSelect: (id: string | null) => void
  /** Why the project cannot be changed (it is open read-only), or null. */
  readOnly: string | null
}

type Pending = { kind: 'edit'; source: SourceSummary; lookup?: string } | { kind: 'remove'; source: SourceSummary; impact: RemoveImpact } | null

export function SourcesPane({ state, selectedId, onSelect, readOnly }: SourcesPaneProps) {
  const api = useApi()
  const toast = useToast()
  const [pending, setPending] = useState<Pending>(null)
  const { sources, loading } = state
  const selected = sources.find((s) => s.id === selectedId) ?? null
  useWindowEvent(EDIT_RECORD_EVENT, ({ sourceId, lookup }) => {
    const source = sources.find((s) => s.id === sourceId)
    if (!source) return
    onSelect(sourceId)
    setPending({ kind: 'edit', source, lookup })
  })

  async function askRemove(source: SourceSummary) {
    try {
      const impact = await api.invoke('sources.removeImpact', { id: source.id })
      setPending({ kind: 'remove', source, impact })
    } catch (error) {
      toast.error(error)
    }
  }

  async function remove(source: SourceSummary) {
    setPending(null)
    const index = sources.findIndex((s) => s.id === source.id)
    const neighbour = sources[index + 1] ?? sources[index - 1] ?? null
    try {
      const { orphanedClaims } = await api.invoke('sources.remove', { id: source.id })
      onSelect(neighbour?.id ?? null)
      toast.info(
        orphanedClaims > 0 ? `Source moved to the Trash. ${orphanedClaims} claims were kept and marked orphaned until it is restored.` : 'Source moved to the Trash.',
      )
    } catch (error) {
      toast.error(error)
    }
  }

  async function openOriginal(source: SourceSummary) {
    try {
      await downloadOriginal(api, source.id)
    } catch (error) {
      toast.error(error)
    }
  }

  return (
    <nav className="pane sources-pane" aria-label="Sources">
      <header className="pane-header">
        <h2>Sources</h2>
        {!loading && <span className="muted count">{sources.length}</span>}
      </header>
      <div className="pane-body sources-body">
        {loading ? (
          <p className="empty-state" role="status">
            Loading sources…
          </p>
        ) : sources.length === 0 ? (
          <p className="empty-state">No sources yet — import files or drag them here.</p>
        ) : (
          <SourceList sources={sources} selectedId={selectedId} onSelect={onSelect} />
        )}
      </div>
      {selected && (
        <div className="source-actions" role="group" aria-label="Actions for the selected source">
          <button type="button" disabled={readOnly !== null} title={readOnly ?? undefined} onClick={() => setPending({ kind: 'edit', source: selected })}>
            Edit record
          </button>
          {/* A reference-only source has no original file until its full text is attached. */}
          {!selected.referenceOnly && (
            <button type="button" onClick={() => void openOriginal(selected)}>
              Open original
            </button>
          )}
          <NewVersionButton source={selected} disabled={readOnly !== null} />
          <button type="button" disabled={readOnly !== null} title={readOnly ?? undefined} onClick={() => void askRemove(selected)}>
            Remove
          </button>
        </div>
      )}
      {pending?.kind === 'edit' && <RecordDialog sourceId={pending.source.id} sources={sources} lookup={pending.lookup} onClose={() => setPending(null)} />}
      {pending?.kind === 'remove' && (
        <RemoveSourceDialog
          source={pending.source}
          impact={pending.impact}
          onConfirm={() => void remove(pending.source)}
          onCancel={() => setPending(null)}
        />
      )}
    </nav>
  )
}
