import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import type { ClaimCard } from '@shared/dto/claims'
import { excerpt } from '../citations/labels'
import { useClaimSearch } from './useClaimSearch'

interface Props {
  /** Where to show it: near the caret. */
  at: { top: number; left: number }
  onPick(card: ClaimCard, as: 'citation' | 'quote'): void
  /** refocus: give the editor its caret back (Escape), not when focus went elsewhere on purpose. */
  onClose(refocus: boolean): void
}

const WIDTH = 420

/** A search box over the claims library: arrows choose, Enter cites, Alt+Enter inserts the quote, Escape closes. */
export function ClaimPicker({ at, onPick, onClose }: Props) {
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const { items, loading, error } = useClaimSearch(text)
  const listId = useId()
  const optionId = (i: number) => `${listId}-option-${i}`
  const input = useRef<HTMLInputElement>(null)
  const current = items[Math.min(active, items.length - 1)]

  useEffect(() => input.current?.focus(), [])
  useEffect(() => setActive(0), [text])
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
    // optionId is derived from listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const move = (to: number) => {
      event.preventDefault()
      if (items.length) setActive(Math.max(0, Math.min(items.length - 1, to)))
    }
    if (event.key === 'ArrowDown') move(active + 1)
    else if (event.key === 'ArrowUp') move(active - 1)
    else if (event.key === 'Home' && event.ctrlKey) move(0)
    else if (event.key === 'End' && event.ctrlKey) move(items.length - 1)
    else if (event.key === 'Enter') {
      event.preventDefault()
      if (current) onPick(current, event.altKey ? 'quote' : 'citation')
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose(true)
    }
  }

  const top = Math.max(8, Math.min(at.top, window.innerHeight - 360))
  const left = Math.max(8, Math.min(at.left, window.innerWidth - WIDTH - 8))
  const status = error ?? (loading ? 'Searching…' : items.length === 0 ? (text ? 'No claims match.' : 'The library has no claims yet.') : `${items.length} claims`)

  return createPortal(
    <div className="claim-picker" role="dialog" aria-label="Insert a claim" style={{ top, left, width: WIDTH }}>
      <label className="claim-picker-label" htmlFor={`${listId}-input`}>
        Find a claim to cite
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="text"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(items.indexOf(current)) : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose(false)
        }}
        placeholder="Search statements and quotes"
        autoComplete="off"
      />
      <ul id={listId} role="listbox" aria-label="Claims" className="claim-picker-list">
        {items.map((card, i) => (
          <li
            key={card.id}
            id={optionId(i)}
            role="option"
            aria-selected={card === current}
            className="claim-picker-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={(e) => onPick(card, e.altKey ? 'quote' : 'citation')}
          >
            <span className="claim-picker-statement">{excerpt(card.statement || card.quote, 140)}</span>
            <span className="claim-picker-source muted">
              {card.shortCitation || card.sourceTitle}
              {card.status === 'orphaned' ? ' · orphaned' : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="claim-picker-status muted" role="status">
        {status} · Enter cites · Alt+Enter inserts the quote · Esc closes
      </p>
    </div>,
    document.body,
  )
}
