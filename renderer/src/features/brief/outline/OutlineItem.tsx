import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import { estimatedPages, type Part } from '../model/brief-model'

export const SECTION_MIME = 'application/x-evident-section'

export interface OutlineActions {
  go(key: string): void
  move(key: string, direction: 'up' | 'down'): void
  moveBefore(key: string, targetKey: string): void
  rename(key: string, title: string): void
  remove(key: string, title: string): void
  focusSibling(key: string, direction: 'up' | 'down'): void
}

interface Props {
  part: Part
  level: 2 | 3
  editable: boolean
  actions: OutlineActions
  /** Start in rename mode (a section just added). */
  renaming: boolean
  onRenameDone(): void
  children?: React.ReactNode
}

function describe(part: Part): string {
  const cites = part.citations.length
  return `${part.title || 'Untitled'}, ${part.words} words, ${estimatedPages(part.words)}${cites ? `, ${cites} citation${cites === 1 ? '' : 's'}` : ''}`
}

/** One section in the outline: go to it, rename it (F2), move it (Alt+↑/↓ or drag), remove it (Delete). */
export function OutlineItem({ part, level, editable, actions, renaming, onRenameDone, children }: Props) {
  const [editing, setEditing] = useState(renaming)
  const [draft, setDraft] = useState(part.title)
  const [dropTarget, setDropTarget] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const main = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (renaming) setEditing(true)
  }, [renaming])
  useEffect(() => {
    if (editing) {
      setDraft(part.title)
      requestAnimationFrame(() => {
        input.current?.focus()
        input.current?.select()
      })
    }
    // Only when editing starts: later title changes must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing])

  function finish(commit: boolean) {
    if (commit && draft.trim() && draft.trim() !== part.title) actions.rename(part.key, draft.trim())
    setEditing(false)
    onRenameDone()
    requestAnimationFrame(() => main.current?.focus())
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const vertical = event.key === 'ArrowUp' ? 'up' : event.key === 'ArrowDown' ? 'down' : null
    if (vertical && event.altKey && editable) actions.move(part.key, vertical)
    else if (vertical && !event.altKey && !event.ctrlKey) actions.focusSibling(part.key, vertical)
    else if (event.key === 'F2' && editable) setEditing(true)
    else if (event.key === 'Delete' && editable) actions.remove(part.key, part.title)
    else return
    event.preventDefault()
  }

  const drag = {
    draggable: editable && !editing,
    onDragStart: (e: DragEvent) => {
      e.stopPropagation()
      e.dataTransfer.setData(SECTION_MIME, JSON.stringify({ key: part.key, level }))
      e.dataTransfer.effectAllowed = 'move'
    },
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes(SECTION_MIME)) return
      e.preventDefault()
      e.stopPropagation()
      setDropTarget(true)
    },
    onDragLeave: () => setDropTarget(false),
    onDrop: (e: DragEvent) => {
      setDropTarget(false)
      try {
        const data = JSON.parse(e.dataTransfer.getData(SECTION_MIME)) as { key: string; level: number }
        if (data.level !== level) return
        e.preventDefault()
        e.stopPropagation()
        actions.moveBefore(data.key, part.key)
      } catch {
        // not a section from this outline
      }
    },
  }

  return (
    <li className={`outline-item outline-level-${level}${dropTarget ? ' outline-drop' : ''}`} {...drag}>
      <div className="outline-row">
        {editing ? (
          <input
            ref={input}
            className="outline-rename"
            aria-label={`New name for ${part.title || 'section'}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finish(true)
              else if (e.key === 'Escape') finish(false)
              else return
              e.preventDefault()
            }}
            onBlur={() => finish(true)}
          />
        ) : (
          <button ref={main} type="button" className="outline-go" data-outline-key={part.key} aria-label={describe(part)} onClick={() => actions.go(part.key)} onKeyDown={onKeyDown}>
            <span className="outline-title">{part.title || 'Untitled'}</span>
            {/* The space keeps the visible text "Background 120", words apart, as the name "Background, 120 words" has it. */}
            <span className="outline-words muted" aria-hidden="true">
              {' '}
              {part.words}
            </span>
          </button>
        )}
        {editable && !editing && (
          <span className="outline-tools">
            <button type="button" tabIndex={-1} className="icon-button" aria-label={`Rename ${part.title}`} title="Rename (F2)" onClick={() => setEditing(true)}>
              ✎
            </button>
            <button type="button" tabIndex={-1} className="icon-button" aria-label={`Move ${part.title} up`} title="Move up (Alt+↑)" onClick={() => actions.move(part.key, 'up')}>
              ↑
            </button>
            <button type="button" tabIndex={-1} className="icon-button" aria-label={`Move ${part.title} down`} title="Move down (Alt+↓)" onClick={() => actions.move(part.key, 'down')}>
              ↓
            </button>
            <button type="button" tabIndex={-1} className="icon-button" aria-label={`Remove ${part.title}`} title="Remove (Delete)" onClick={() => actions.remove(part.key, part.title)}>
              ×
            </button>
          </span>
        )}
      </div>
      {children}
    </li>
  )
}
