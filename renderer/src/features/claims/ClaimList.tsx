import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ClaimCard, Question, Tag } from '@shared/dto/claims'
import { ClaimCardView } from './ClaimCardView'
import type { ClaimPages } from './useClaimPages'

export interface ClaimListProps {
  pages: ClaimPages
  /** Changes whenever the query does, so the list goes back to its top. */
  queryKey: string
  tagById: Map<string, Tag>
  questionById: Map<string, Question>
  onOpen: (card: ClaimCard) => void
}

const optionId = (index: number) => `claim-option-${index}`
const ESTIMATED_CARD_PX = 150
const estimateSize = () => ESTIMATED_CARD_PX
const STEP: Record<string, (i: number, last: number, perPage: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  PageDown: (i, last, n) => Math.min(i + n, last),
  PageUp: (i, _last, n) => Math.max(i - n, 0),
  Home: () => 0,
  End: (_i, last) => last,
}

/**
 * The claims as a virtualised listbox: only the cards on screen exist in the DOM, and their pages are
 * fetched as they scroll into view. Focus stays on the list; arrow keys move the active card, Enter opens it.
 */
export function ClaimList({ pages, queryKey, tagById, questionById, onOpen }: ClaimListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(-1)
  const count = pages.total ?? 0
  const { item, ensure } = pages
  // A card's measured height belongs to the claim, not to the row it happens to be in. The virtualiser
  // recomputes every row's position when this function changes, so it must change only when the cards do
  // (pages.item is stable until a page arrives or the query changes), never on a scroll. A row whose page
  // has not arrived is keyed by its index: a number, so no string is built for each of 100,000 rows.
  const getItemKey = useCallback((index: number) => item(index)?.id ?? index, [item])
  const getScrollElement = useCallback(() => scroller.current, [])
  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize,
    overscan: 4,
    // Rows are absolutely placed, so the space between cards is the virtualiser's, not a CSS margin.
    gap: 8,
    // Room for the active card's focus ring at the top and bottom of the list.
    paddingStart: 6,
    paddingEnd: 12,
    getItemKey,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [first, last, count, ensure])

  useEffect(() => {
    setActive(-1)
    scroller.current?.scrollTo({ top: 0 })
  }, [queryKey])

  const openAt = useCallback(
    (card: ClaimCard, index: number) => {
      setActive(index)
      onOpen(card)
    },
    [onOpen],
  )

  function move(index: number) {
    setActive(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (count === 0) return
    const current = Math.min(Math.max(active, 0), count - 1)
    if (event.key === 'Enter') {
      const card = item(current)
      if (card) {
        event.preventDefault()
        onOpen(card)
      }
      return
    }
    const step = STEP[event.key]
    if (!step) return
    event.preventDefault()
    move(active < 0 ? 0 : step(current, count - 1, Math.max(1, items.length - 2)))
  }

  // aria-activedescendant must name an element that exists: only a card the virtualiser has drawn.
  const activeCard = active >= 0 && items.some((row) => row.index === active) ? item(active) : undefined
  return (
    <div
      ref={scroller}
      className="claim-list"
      role="listbox"
      aria-label="Claims"
      tabIndex={0}
      aria-activedescendant={activeCard ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && active < 0 && count > 0 && setActive(0)}
    >
      <div className="claim-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const card = item(row.index)
          if (!card) {
            return (
              <div
                key={row.key}
                className="claim-card is-loading"
                style={{ transform: `translateY(${row.start}px)`, height: ESTIMATED_CARD_PX }}
                aria-hidden="true"
              >
                Loading…
              </div>
            )
          }
          return (
            <ClaimCardView
              key={row.key}
              card={card}
              id={optionId(row.index)}
              index={row.index}
              total={count}
              active={row.index === active}
              tagById={tagById}
              questionById={questionById}
              offset={row.start}
              measureRef={virtualizer.measureElement}
              onOpen={openAt}
            />
          )
        })}
      </div>
    </div>
  )
}
