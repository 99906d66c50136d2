import { useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { findMatches, supportsHighlights } from './find-matches'
import type { Mark } from './segments'
import { buildTextIndex, spanToRange } from '../../ui/source-offsets'

const ALL = 'evident-find'
const CURRENT = 'evident-find-current'

export interface FindState {
  open: boolean
  query: string
  count: number
  /** 0-based index of the current match. */
  current: number
  /** Marks for the paragraphs to render themselves, only where the Highlight API is missing. */
  marks: Mark[]
  show(): void
  hide(): void
  setQuery(query: string): void
  step(delta: 1 | -1): void
}

export function useFindInSource(detail: SourceDetail | null, article: RefObject<HTMLElement | null>): FindState {
  const [open, setOpen] = useState(false)
  const [query, setQueryState] = useState('')
  const [current, setCurrent] = useState(0)
  const active = open ? query : ''
  const matches = useMemo(() => findMatches(detail, active), [detail, active])
  const at = matches.length ? Math.min(current, matches.length - 1) : 0
  const native = useMemo(supportsHighlights, [])

  const marks = useMemo<Mark[]>(
    () => (native ? [] : matches.map((m, i) => ({ ...m, current: i === at }))),
    [native, matches, at],
  )

  useLayoutEffect(() => {
    if (!native) return
    const root = article.current
    if (!root || matches.length === 0) {
      CSS.highlights.delete(ALL)
      CSS.highlights.delete(CURRENT)
      return
    }
    const index = buildTextIndex(root)
    const ranges = matches.map((m) => spanToRange(index, m))
    CSS.highlights.set(ALL, new Highlight(...ranges.filter((r): r is Range => r !== null)))
    const currentRange = ranges[at]
    if (currentRange) CSS.highlights.set(CURRENT, new Highlight(currentRange))
    else CSS.highlights.delete(CURRENT)
  }, [native, matches, at, article])

  useEffect(() => {
    if (!native) return
    return () => {
      CSS.highlights.delete(ALL)
      CSS.highlights.delete(CURRENT)
    }
  }, [native])

  // Bring the current match into view whenever it moves.
  useEffect(() => {
    const match = matches[at]
    const root = article.current
    if (!match || !root) return
    const range = spanToRange(buildTextIndex(root), match)
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' })
  }, [matches, at, article])

  return {
    open,
    query,
    count: matches.length,
    current: at,
    marks,
    show: () => setOpen(true),
    hide: () => setOpen(false),
    setQuery: (q) => {
      setQueryState(q)
      setCurrent(0)
    },
    step: (delta) => {
      if (matches.length === 0) return
      setCurrent((at + delta + matches.length) % matches.length)
    },
  }
}
