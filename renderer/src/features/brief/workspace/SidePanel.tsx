import { useId, useRef, type KeyboardEvent } from 'react'
import { CommentsPane } from '../comments/CommentsPane'
import { EvidencePane } from '../evidence/EvidencePane'
import { OutlinePane } from '../outline/OutlinePane'
import type { TargetLength } from '@shared/dto/brief-layout'

export type SideTab = 'outline' | 'evidence' | 'comments'
const TABS: { key: SideTab; label: string }[] = [
  { key: 'outline', label: 'Outline' },
  { key: 'evidence', label: 'Evidence' },
  { key: 'comments', label: 'Comments' },
]

interface Props {
  tab: SideTab | null
  onTab(tab: SideTab | null): void
  questionId: string | null
  questionText: string | null
  /** The brief's target length, shown in the outline against its estimate. */
  target: TargetLength | null
}

/** Outline, Evidence and Comments as tabs; choosing the open tab again folds the panel away to give the text room. */
export function SidePanel({ tab, onTab, questionId, questionText, target }: Props) {
  const base = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  function onKeyDown(event: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.key === (tab ?? 'outline'))
    const next = { ArrowRight: i + 1, ArrowLeft: i + TABS.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const target = TABS[next % TABS.length]!
    onTab(target.key)
    buttons.current[TABS.indexOf(target)]?.focus()
  }

  return (
    <div className={`brief-side${tab ? ' is-open' : ''}`}>
      <div role="tablist" aria-label="Brief panels" className="brief-side-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => void (buttons.current[i] = el)}
            type="button"
            role="tab"
            id={`${base}-${t.key}-tab`}
            aria-selected={tab === t.key}
            aria-controls={`${base}-${t.key}-panel`}
            tabIndex={tab === t.key || (!tab && i === 0) ? 0 : -1}
            onClick={() => onTab(tab === t.key ? null : t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.key} role="tabpanel" id={`${base}-${t.key}-panel`} aria-labelledby={`${base}-${t.key}-tab`} hidden={tab !== t.key} className="brief-side-panel">
          {tab === t.key && t.key === 'outline' && <OutlinePane target={target} />}
          {tab === t.key && t.key === 'evidence' && <EvidencePane questionId={questionId} questionText={questionText} />}
          {tab === t.key && t.key === 'comments' && <CommentsPane />}
        </div>
      ))}
    </div>
  )
}
