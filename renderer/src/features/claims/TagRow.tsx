import { useState } from 'react'
import type { Tag } from '@shared/dto/claims'
import { ChoiceOptions } from '../../ui/ChoiceOptions'
import { TagPath } from './TagPath'

export interface TagRowProps {
  tag: Tag
  tags: Tag[]
  onRename: (name: string) => Promise<boolean>
  onMove: (parentId: string | null) => Promise<boolean>
  onMerge: (intoId: string) => Promise<boolean>
  onDelete: () => void
}

type Mode = 'rename' | 'move' | 'merge' | null

/** A tag cannot move under itself or its own descendants: those are left out of the choices. */
function isWithin(candidate: Tag, tag: Tag): boolean {
  return candidate.id === tag.id || candidate.path.startsWith(tag.path + ' > ')
}

export function TagRow({ tag, tags, onRename, onMove, onMerge, onDelete }: TagRowProps) {
  const [mode, setMode] = useState<Mode>(null)
  const [value, setValue] = useState('')
  const n = tag.claimCount

  function begin(next: Mode) {
    setMode(next)
    setValue(next === 'rename' ? tag.name : next === 'move' ? (tag.parentId ?? '') : '')
  }

  async function apply() {
    const ok =
      mode === 'rename' ? await onRename(value) : mode === 'move' ? await onMove(value || null) : mode === 'merge' && value ? await onMerge(value) : false
    if (ok) setMode(null)
  }

  const choices = tags.filter((t) => !(mode === 'move' ? isWithin(t, tag) : t.id === tag.id))
  return (
    <li className="manager-row">
      <span className="manager-name">
        <TagPath path={tag.path} /> <span className="muted">({n} {n === 1 ? 'claim' : 'claims'})</span>
      </span>
      {mode === null ? (
        <span className="manager-actions" role="group" aria-label={`Actions for tag ${tag.path}`}>
          <button type="button" onClick={() => begin('rename')} aria-label={`Rename ${tag.path}`}>
            Rename
          </button>
          <button type="button" onClick={() => begin('move')} aria-label={`Move ${tag.path}`}>
            Move
          </button>
          <button type="button" onClick={() => begin('merge')} aria-label={`Merge ${tag.path} into another tag`}>
            Merge
          </button>
          <button type="button" onClick={onDelete} aria-label={`Delete ${tag.path}`}>
            Delete
          </button>
        </span>
      ) : (
        <form
          className="manager-actions"
          onSubmit={(e) => {
            e.preventDefault()
            void apply()
          }}
        >
          {mode === 'rename' ? (
            <input type="text" aria-label={`New name for ${tag.path}`} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          ) : (
            <select
              aria-label={mode === 'move' ? `New parent for ${tag.path}` : `Merge ${tag.path} into`}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            >
              <ChoiceOptions blank={mode === 'move' ? '(top level)' : 'Choose a tag…'} choices={choices.map((t) => ({ value: t.id, label: t.path }))} />
            </select>
          )}
          <button type="submit" className="primary" disabled={mode === 'merge' && !value}>
            {mode === 'rename' ? 'Rename' : mode === 'move' ? 'Move' : 'Merge'}
          </button>
          <button type="button" onClick={() => setMode(null)}>
            Cancel
          </button>
        </form>
      )}
    </li>
  )
}
