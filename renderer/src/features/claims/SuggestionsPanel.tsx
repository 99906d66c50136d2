import { useCallback, useEffect, useState } from 'react'
import type { Suggestion } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { useEvent } from '../../ui/useEvent'
import { useClaimsUi } from './claims-ui'
import { locationLabel } from './labels'
import './claims-panels.css'
import './claims-chips.css'

export interface SuggestionsPanelProps {
  /** The source open in the reader; suggestions are per source. */
  sourceId: string | null
  sourceTitle?: string
}

type State = { status: 'idle' | 'loading' } | { status: 'ready'; items: Suggestion[] } | { status: 'failed'; message: string }

/** Candidate claims picked from the open source's sentences, each with the reasons it was picked. */
export function SuggestionsPanel({ sourceId, sourceTitle }: SuggestionsPanelProps) {
  const api = useApi()
  const ui = useClaimsUi()
  const [state, setState] = useState<State>({ status: 'idle' })
  const [version, setVersion] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  // An accepted suggestion becomes a claim, and the core stops suggesting it.
  useEvent('claims.changed', reload)

  useEffect(() => {
    if (!sourceId) {
      setState({ status: 'idle' })
      return
    }
    let stale = false
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    api
      .invoke('claims.suggestions', { sourceId })
      .then((items) => !stale && setState({ status: 'ready', items }))
      .catch((e: unknown) => !stale && setState({ status: 'failed', message: toEvidentError(e).message }))
    return () => {
      stale = true
    }
  }, [api, sourceId, version])

  async function dismiss(s: Suggestion) {
    setError(null)
    try {
      await api.invoke('claims.dismissSuggestion', { sourceId: s.sourceId, key: s.key })
      setState((st) => (st.status === 'ready' ? { status: 'ready', items: st.items.filter((i) => i.key !== s.key) } : st))
    } catch (e) {
      setError(toEvidentError(e).message)
    }
  }

  function accept(s: Suggestion) {
    ui.newClaim({ sourceId: s.sourceId, start: s.start, end: s.end, exact: s.text, paragraph: s.paragraph, sourceTitle })
  }

  return (
    <section className="pane suggestions-pane" aria-label="Suggested claims">
      <header className="pane-header">
        <h2>Suggestions</h2>
        {state.status === 'ready' && <span className="muted count">{state.items.length}</span>}
      </header>
      <div className="pane-body">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {state.status === 'idle' && <p className="empty-state">Open a source to see the passages Evident suggests as claims.</p>}
        {state.status === 'loading' && (
          <p className="empty-state" role="status">
            Reading the source for likely claims…
          </p>
        )}
        {state.status === 'failed' && (
          <p className="empty-state" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && state.items.length === 0 && <p className="empty-state">No more suggestions for this source.</p>}
        {state.status === 'ready' && state.items.length > 0 && (
          <ul className="suggestion-list" aria-label={`Suggested claims${sourceTitle ? ` from ${sourceTitle}` : ''}`}>
            {state.items.map((s) => (
              <li key={s.key} className="suggestion">
                <blockquote className="suggestion-text">{s.text}</blockquote>
                <p className="suggestion-where muted">{locationLabel(s.paragraph)}</p>
                <ul className="chip-list" aria-label="Why it was suggested">
                  {s.reasons.map((r) => (
                    <li key={r} className="chip reason">
                      {r}
                    </li>
                  ))}
                </ul>
                <div className="suggestion-actions">
                  <button type="button" className="primary" aria-label={`Accept suggestion: ${s.text.slice(0, 80)}`} disabled={ui.readOnly !== null} title={ui.readOnly ?? undefined} onClick={() => accept(s)}>
                    Accept
                  </button>
                  {ui.showInSource && (
                    <button
                      type="button"
                      aria-label={`Show in source: ${s.text.slice(0, 80)}`}
                      onClick={() => ui.showInSource?.({ sourceId: s.sourceId, start: s.start, end: s.end, paragraph: s.paragraph })}
                    >
                      Show
                    </button>
                  )}
                  <button type="button" aria-label={`Dismiss suggestion: ${s.text.slice(0, 80)}`} disabled={ui.readOnly !== null} title={ui.readOnly ?? undefined} onClick={() => void dismiss(s)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
