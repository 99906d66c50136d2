import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { SourceSummary } from '@shared/dto/sources'
import { ClaimsLibrary } from './ClaimsLibrary'
import { SuggestionsPanel } from './SuggestionsPanel'
import './claims-panels.css'

type TabKey = 'sources' | 'claims' | 'suggestions'
const TABS: { key: TabKey; label: string }[] = [
  { key: 'sources', label: 'Sources' },
  { key: 'claims', label: 'Claims' },
  { key: 'suggestions', label: 'Suggestions' },
]

export interface SideTabsProps {
  /** The shell's sources pane, shown in the first tab. */
  children: ReactNode
  sourceId: string | null
  sourceTitle?: string
  /** The project's sources, which the claims library's source filter offers. */
  sources: SourceSummary[]
  /** Counts the analyst's "Show claims" requests: each new value opens the Claims tab with its search focused. */
  showClaims?: number
}

/**
 * The left column: Sources, the claims library and the open source's suggestions as tabs. A tab's panel
 * stays mounted once opened, so switching back keeps its scroll position, search and filters.
 */
export function SideTabs({ children, sourceId, sourceTitle, sources, showClaims = 0 }: SideTabsProps) {
  const [current, setCurrent] = useState<TabKey>('sources')
  const [opened, setOpened] = useState<Set<TabKey>>(() => new Set(['sources']))
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const base = useId()

  const focusClaims = useRef(false)
  useEffect(() => {
    if (!showClaims) return
    focusClaims.current = true
    setCurrent('claims')
    setOpened((s) => (s.has('claims') ? s : new Set([...s, 'claims'])))
  }, [showClaims])
  // After the render that shows the Claims panel (and, the first time, mounts it), its search box takes focus.
  useEffect(() => {
    if (!focusClaims.current || current !== 'claims') return
    const field = document.getElementById(`${base}-claims-panel`)?.querySelector<HTMLElement>('input')
    if (!field || field.offsetParent === null) return
    focusClaims.current = false
    field.focus()
  })

  function select(key: TabKey, focus = false) {
    setCurrent(key)
    setOpened((s) => (s.has(key) ? s : new Set([...s, key])))
    if (focus) tabs.current[TABS.findIndex((t) => t.key === key)]?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const i = TABS.findIndex((t) => t.key === current)
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1 + TABS.length, Home: 0, End: TABS.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(TABS[next % TABS.length]!.key, true)
  }

  const panel = (key: TabKey, content: ReactNode) => (
    <div
      key={key}
      id={`${base}-${key}-panel`}
      role="tabpanel"
      aria-labelledby={`${base}-${key}-tab`}
      className="side-panel"
      hidden={current !== key}
    >
      {opened.has(key) && content}
    </div>
  )

  return (
    <div className="side-tabs">
      <div role="tablist" aria-label="Left panel" className="side-tablist" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              tabs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${base}-${t.key}-tab`}
            aria-selected={current === t.key}
            aria-controls={`${base}-${t.key}-panel`}
            tabIndex={current === t.key ? 0 : -1}
            onClick={() => select(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {panel('sources', children)}
      {panel('claims', <ClaimsLibrary sources={sources} />)}
      {panel('suggestions', <SuggestionsPanel sourceId={sourceId} sourceTitle={sourceTitle} />)}
    </div>
  )
}
