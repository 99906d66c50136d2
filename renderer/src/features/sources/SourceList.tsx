import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { SourceSummary } from '../../../../electron/shared/dto/sources'

export interface SourceListProps {
  sources: SourceSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
}

export const optionId = (id: string) => `source-${id}`

function byline(source: SourceSummary): string {
  return [source.authors, source.year].filter(Boolean).join(' · ')
}

/** A listbox: arrow keys move the selection, and the selected source opens in the reader. */
export function SourceList({ sources, selectedId, onSelect }: SourceListProps) {
  const list = useRef<HTMLUListElement>(null)
  const index = sources.findIndex((s) => s.id === selectedId)

  useEffect(() => {
    if (!selectedId) return
    list.current?.querySelector(`#${CSS.escape(optionId(selectedId))}`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = sources.length - 1
    const next: Record<string, number> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(index + 10, last),
      PageUp: Math.max(index - 10, 0),
    }
    const target = next[event.key]
    if (target === undefined || last < 0) return
    event.preventDefault()
    const source = sources[target]
    if (source) onSelect(source.id)
  }

  return (
    <ul
      ref={list}
      className="source-list"
      role="listbox"
      aria-label="Sources"
      tabIndex={0}
      aria-activedescendant={index >= 0 && selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      {sources.map((source) => (
        <li
          key={source.id}
          id={optionId(source.id)}
          role="option"
          aria-selected={source.id === selectedId}
          className="source-item"
          onClick={() => onSelect(source.id)}
        >
          <span className="source-title">{source.title}</span>
          <span className="source-byline">{byline(source) || source.fileName}</span>
        </li>
      ))}
    </ul>
  )
}
