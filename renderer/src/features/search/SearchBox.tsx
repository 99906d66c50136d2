import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { useEvent } from '../../ui/useEvent'
import { SearchResults } from './SearchResults'
import { useSourceSearch } from './useSourceSearch'
import './search.css'

/** What the shell may ask of the search box: the "Find everywhere" command focuses it. */
export interface SearchBoxHandle {
  focus(): void
}

export interface SearchBoxProps {
  onOpenHit: (sourceId: string, paragraph: number) => void
  ref?: Ref<SearchBoxHandle>
}

/** "Search all sources": full-text search over every paragraph, results open at the paragraph. */
export function SearchBox({ onOpenHit, ref }: SearchBoxProps) {
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [refreshKey, setRefreshKey] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), [])
  const results = useSourceSearch(query, refreshKey)
  useEvent('sources.changed', () => setRefreshKey((k) => k + 1))

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      if (open) setOpen(false)
      else setQuery('')
    } else if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      document.querySelector<HTMLElement>('#search-results button')?.focus()
    } else if (event.key === 'Enter') {
      setOpen(true)
    }
  }

  function choose(sourceId: string, paragraph: number) {
    setOpen(false)
    onOpenHit(sourceId, paragraph)
  }

  function close() {
    setOpen(false)
    input.current?.focus()
  }

  const showing = open && results.query !== ''
  return (
    <div role="search" className="search-box" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        ref={input}
        type="search"
        aria-label="Search all sources"
        placeholder="Search all sources"
        value={query}
        aria-controls={showing ? 'search-results' : undefined}
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showing && <SearchResults state={results} onChoose={choose} onClose={close} />}
    </div>
  )
}
