import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { FindState } from './useFindInSource'

export interface FindBarProps {
  find: FindState
  /** Bumped each time the analyst asks for find again, to re-focus the box. */
  focusKey: number
  onClose: () => void
}

export function FindBar({ find, focusKey, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusKey])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      find.step(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    }
  }

  const status = !find.query ? '' : find.count === 0 ? 'No matches' : `${find.current + 1} of ${find.count}`
  return (
    <div className="find-bar" role="search" aria-label="Find in this source">
      <input
        ref={input}
        type="search"
        aria-label="Find in this source"
        placeholder="Find in this source"
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" disabled={find.count === 0} onClick={() => find.step(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" disabled={find.count === 0} onClick={() => find.step(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  )
}
