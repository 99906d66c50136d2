import { useState } from 'react'
import type { Tag } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { ChoiceOptions } from '../../ui/ChoiceOptions'
import { ManagerDialog } from './ManagerDialog'
import { TagRow } from './TagRow'
import { useGuardedDelete } from './useGuardedDelete'
import type { Taxonomy } from './useTaxonomy'
import './claim-form.css'
import { useManagerAction } from './useManagerAction'

export interface TagsManagerProps {
  taxonomy: Taxonomy
  onClose: () => void
}

/** Rename, move, merge and delete tags. Every change goes straight to the core; the list reloads after. */
export function TagsManager({ taxonomy, onClose }: TagsManagerProps) {
  const api = useApi()
  const [name, setName] = useState('')
  const [parentId, setParentId] = useState('')
  const { tags, reload } = taxonomy
  const { error, setError, run } = useManagerAction(reload)

  const guarded = useGuardedDelete('tag', (id, force) => api.invoke('tags.delete', { id, force }), setError, reload)

  async function add() {
    if (await run(() => api.invoke('tags.create', { name, parentId: parentId || null }))) setName('')
  }

  return (
    <ManagerDialog
      title="Tags"
      onClose={onClose}
      error={error}
      onAdd={() => void add()}
      addFields={
        <>
          <input type="text" aria-label="New tag name" placeholder="New tag" value={name} onChange={(e) => setName(e.target.value)} />
          <select aria-label="Parent of the new tag" value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <ChoiceOptions blank="(top level)" choices={tags.map((t) => ({ value: t.id, label: t.path }))} />
          </select>
          <button type="submit" disabled={!name.trim()}>
            Add tag
          </button>
        </>
      }
    >
      {taxonomy.error && <p className="field-error">{taxonomy.error}</p>}
      {tags.length === 0 ? (
        <p className="empty-state">No tags yet.</p>
      ) : (
        <ul className="manager-list" aria-label="All tags">
          {tags.map((tag: Tag) => (
            <TagRow
              key={tag.id}
              tag={tag}
              tags={tags}
              onRename={(n) => run(() => api.invoke('tags.rename', { id: tag.id, name: n }))}
              onMove={(p) => run(() => api.invoke('tags.move', { id: tag.id, parentId: p }))}
              onMerge={(into) => run(() => api.invoke('tags.merge', { fromId: tag.id, intoId: into }))}
              onDelete={() => void guarded.request({ id: tag.id, label: tag.path, claimCount: tag.claimCount })}
            />
          ))}
        </ul>
      )}
      {guarded.dialog}
    </ManagerDialog>
  )
}
