import { useId, useMemo, useState } from 'react'
import type { Tag } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { useAttempt } from '../../api/useAttempt'
import { ChoiceOptions } from '../../ui/ChoiceOptions'
import { EnterToCreateInput } from '../../ui/EnterToCreateInput'
import { ErrorNote } from '../../ui/ErrorNote'
import { TagPath } from './TagPath'
import './claims-chips.css'

export interface TagPickerProps {
  tags: Tag[]
  selected: string[]
  onChange: (ids: string[]) => void
  /** Called after a tag was created, so the owner can reload the hierarchy. */
  onCreated: () => void
}

const SEPARATOR = '>'

interface NewTag {
  /** The deepest existing tag the typed path starts with; null for the top level. */
  parentId: string | null
  /** Names still to create under it, outermost first: "History > Anniversaries" may need both. */
  names: string[]
}

/** "Workforce > Retention" typed in the box means "Retention" under "Workforce", creating "Workforce" if need be. */
function parseNewTag(text: string, tags: Tag[]): NewTag {
  const names = text
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)
  for (let k = names.length - 1; k > 0; k--) {
    const path = names.slice(0, k).join(' > ').toLowerCase()
    const parent = tags.find((t) => t.path.toLowerCase() === path)
    if (parent) return { parentId: parent.id, names: names.slice(k) }
  }
  return { parentId: null, names }
}

/** Tags picked from the hierarchy, each shown by its full path; a missing tag can be created on the spot. */
export function TagPicker({ tags, selected, onChange, onCreated }: TagPickerProps) {
  const api = useApi()
  const [filter, setFilter] = useState('')
  const [created, setCreated] = useState<Tag[]>([])
  const [parentOverride, setParentOverride] = useState<string | null | undefined>(undefined)
  const { busy, error, setError, attempt } = useAttempt()
  const errorId = useId()

  // Tags created here are shown at once, before the owner's reloaded list arrives.
  const all = useMemo(() => [...tags, ...created.filter((c) => !tags.some((t) => t.id === c.id))], [tags, created])
  const byId = new Map(all.map((t) => [t.id, t]))
  const needle = filter.trim().toLowerCase()
  const matching = needle ? all.filter((t) => t.path.toLowerCase().includes(needle)) : all
  const parsed = parseNewTag(filter, all)
  const parentId = parentOverride === undefined ? parsed.parentId : parentOverride
  const parentPath = parentId ? (byId.get(parentId)?.path ?? '') : ''
  const newPath = [parentPath, ...parsed.names].filter(Boolean).join(' > ')
  const exists = parsed.names.length === 0 || all.some((t) => t.path.toLowerCase() === newPath.toLowerCase())

  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id))

  const create = () =>
    attempt(async () => {
      const made: Tag[] = []
      try {
        let parent = parentId
        for (const name of parsed.names) {
          const tag = await api.invoke('tags.create', { name, parentId: parent })
          made.push(tag)
          parent = tag.id
        }
        if (parent) onChange([...selected, parent])
        setFilter('')
        setParentOverride(undefined)
      } finally {
        // Parents made before a refusal exist now: show them rather than pretend nothing happened.
        if (made.length) {
          setCreated((list) => [...list, ...made])
          onCreated()
        }
      }
    })

  return (
    <fieldset className="tag-picker">
      <legend>Tags</legend>
      {selected.length > 0 && (
        <ul className="chip-list" aria-label="Chosen tags">
          {selected.map((id) => {
            const tag = byId.get(id)
            const path = tag?.path ?? 'Unknown tag'
            return (
              <li key={id} className="chip">
                <TagPath path={path} />
                <button type="button" className="chip-remove" aria-label={`Remove tag ${path}`} onClick={() => toggle(id, false)}>
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <EnterToCreateInput
        type="search"
        aria-label="Find or create a tag"
        placeholder="Find a tag, or type a new one (Parent > Child)"
        value={filter}
        onValue={setFilter}
        onEnter={() => !exists && void create()}
        refusal={{ id: errorId, message: error, clear: () => setError(null) }}
      />
      <div className="tag-options" role="group" aria-label="Available tags">
        {matching.length === 0 && <p className="muted tag-none">{all.length === 0 ? 'No tags yet.' : 'No tag matches.'}</p>}
        {matching.map((tag) => (
          <label key={tag.id} className="tag-option">
            <input type="checkbox" checked={selected.includes(tag.id)} onChange={(e) => toggle(tag.id, e.target.checked)} />
            <TagPath path={tag.path} />
          </label>
        ))}
      </div>
      {!exists && (
        <div className="tag-create">
          <label>
            Under{' '}
            <select
              aria-label="Parent of the new tag"
              value={parentId ?? ''}
              onChange={(e) => setParentOverride(e.target.value || null)}
            >
              <ChoiceOptions blank="(top level)" choices={all.map((t) => ({ value: t.id, label: t.path }))} />
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void create()}>
            Create tag “{newPath}”
          </button>
        </div>
      )}
      <ErrorNote id={errorId} message={error} />
    </fieldset>
  )
}
