import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import type { SourceSummary } from '@shared/dto/sources'

export interface SourceListProps {
  sources: SourceSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
}

export const optionId = (id: string) => `source-${id}`

/** A title on one line and a byline: most rows are this tall; longer titles (up to three lines) are measured. */
const ESTIMATED_ROW_PX = 56
const estimateSize = () => ESTIMATED_ROW_PX

function byline(source: SourceSummary): string {
  return [source.authors, source.year].filter(Boolean).join(' · ')
}

interface SourceOptionProps {
  source: SourceSummary
  index: number
  total: number
  selected: boolean
  offset: number
  measureRef: (el: HTMLElement | null) => void
  onSelect: (id: string) => void
}

/** One row; memoised, so scrolling re-renders only the rows that come into view. */
const SourceOption = memo(function SourceOption({ source, index, total, selected, offset, measureRef, onSelect }: SourceOptionProps) {
  return (
    <div
      ref={measureRef}
      id={optionId(source.id)}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-index={index}
      className="source-item"
      style={{ transform: `translateY(${offset}px)` }}
      onClick={() => onSelect(source.id)}
    >
      <span className="source-title">{source.title}</span>
      <span className="source-byline">
        {byline(source) || source.fileName}
        {source.referenceOnly && <span className="source-reference-only"> · Reference only</span>}
      </span>
    </div>
  )
})

/**
 * A virtualised listbox: only the rows on screen (and the selected one) exist in the DOM, so 10,000 sources
 * open as fast as ten. Focus stays on the list; arrow keys, Home, End, PageUp and PageDown move the
 * selection, and the selected source opens in the reader and is scrolled into view.
 */
export function SourceList({ sources, selectedId, onSelect }: SourceListProps) {
  const list = useRef<HTMLDivElement>(null)
  const index = selectedId ? sources.findIndex((s) => s.id === selectedId) : -1
  const count = sources.length

  const getItemKey = useCallback((i: number) => sources[i]?.id ?? i, [sources])
  const getScrollElement = useCallback(() => list.current, [])
  // aria-activedescendant must name an element that exists: the selected row is always rendered, even
  // when the analyst has scrolled it out of view with the mouse.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range)
      if (index < 0 || rows.includes(index)) return rows
      return [...rows, index].sort((a, b) => a - b)
    },
    [index],
  )
  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    // The list's padding, as the virtualiser's: rows are absolutely placed.
    paddingStart: 5,
    paddingEnd: 5,
  })
  const rows = virtualizer.getVirtualItems()

  // The selection in view: when it moves, and when the list shows again after another tab hid it (a
  // source opened from the claims library is selected while this list has no height to scroll in).
  const shown = (virtualizer.scrollRect?.height ?? 0) > 0
  useEffect(() => {
    if (index >= 0 && shown) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [index, shown, virtualizer])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = count - 1
    // A page is what the list shows, less one row so the analyst keeps their place.
    const page = Math.max(1, Math.floor((list.current?.clientHeight ?? 0) / ESTIMATED_ROW_PX) - 1)
    const next: Record<string, number> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(index + page, last),
      PageUp: Math.max(index - page, 0),
    }
    const target = next[event.key]
    if (target === undefined || last < 0) return
    event.preventDefault()
    const source = sources[target]
    if (source) onSelect(source.id)
  }

  return (
    <div
      ref={list}
      className="source-list"
      role="listbox"
      aria-label="Sources"
      tabIndex={0}
      aria-activedescendant={index >= 0 && selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="source-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const source = sources[row.index]!
          return (
            <SourceOption
              key={row.key}
              source={source}
              index={row.index}
              total={count}
              selected={row.index === index}
              offset={row.start}
              measureRef={virtualizer.measureElement}
              onSelect={onSelect}
            />
          )
        })}
      </div>
    </div>
  )
}
