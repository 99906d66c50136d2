import type { KeyboardEvent } from 'react'
import type { SearchState } from './useSourceSearch'
import { Snippet } from '../../ui/Snippet'

export interface SearchResultsProps {
  state: SearchState
  onChoose: (sourceId: string, paragraph: number) => void
  onClose: () => void
}

export function SearchResults({ state, onChoose, onClose }: SearchResultsProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.search-hit'))
    const index = buttons.findIndex((b) => b === document.activeElement)
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'ArrowDown' && index >= 0) {
      event.preventDefault()
      buttons[Math.min(index + 1, buttons.length - 1)]?.focus()
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault()
      if (index === 0) onClose()
      else buttons[index - 1]?.focus()
    }
  }

  const count = state.hits.length
  return (
    <div id="search-results" className="search-results" role="region" aria-label="Search results" onKeyDown={onKeyDown}>
      <p className="search-summary" role="status">
        {state.busy && count === 0 ? 'Searching…' : count === 0 ? `No matches for “${state.query}”.` : `${count === 50 ? 'First 50' : count} ${count === 1 ? 'match' : 'matches'} for “${state.query}”`}
      </p>
      {count > 0 && (
        <ul>
          {state.hits.map((hit) => (
            <li key={`${hit.sourceId}:${hit.paragraphNumber}`}>
              <button type="button" className="search-hit" onClick={() => onChoose(hit.sourceId, hit.paragraphNumber)}>
                <span className="search-hit-head">
                  <span className="search-hit-title">{hit.sourceTitle}</span>
                  <span className="search-hit-para">¶ {hit.paragraphNumber}</span>
                </span>
                <Snippet snippet={hit.snippet} className="snippet" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
