import { useState } from 'react'
import type { WordDiffPart } from '@shared/dto/claims'
import type { PageCheckResult } from '@shared/dto/source-updates'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'

const FATE = { unchanged: 'Unchanged', moved: 'Moved', changed: 'Changed', gone: 'Gone' } as const

function Diff({ diff }: { diff: readonly WordDiffPart[] }) {
  return (
    <span className="page-diff">
      {diff.map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text} </span>
        ) : part.op === 'removed' ? (
          <del key={i}>{part.text} </del>
        ) : (
          <ins key={i}>{part.text} </ins>
        ),
      )}
    </span>
  )
}

/** One web page fetched again: what became of each quote, and the analyst's choice between snapshot and new version. */
function PageResult({ page, readOnly }: { page: PageCheckResult; readOnly: boolean }) {
  const api = useApi()
  const [decided, setDecided] = useState('')
  const [error, setError] = useState('')
  async function decide(take: boolean) {
    setError('')
    try {
      if (take) {
        const done = await api.invoke('sources.takeFetchedPage', { id: page.sourceId, checkId: page.checkId! })
        setDecided(`New version taken: ${done.anchored} quotes found again, ${done.changed} changed in the source, ${done.orphaned} not found.`)
      } else {
        await api.invoke('sources.keepSnapshot', { id: page.sourceId, checkId: page.checkId! })
        setDecided('The stored snapshot was kept.')
      }
    } catch (e) {
      setError(toEvidentError(e).message)
    }
  }
  return (
    <li className="page-result">
      <span className="check-sources-title">{page.sourceTitle}</span>{' '}
      <span className="muted">
        — {page.outcome === 'same' ? 'the page is as stored' : page.outcome === 'different' ? 'the page has changed since the snapshot' : `not checked: ${page.reason ?? ''}`}
      </span>
      {page.quotes.length > 0 && (
        <ul aria-label={`Quotes on ${page.sourceTitle}`}>
          {page.quotes.map((q) => (
            <li key={q.claimId}>
              <span className={`quote-fate quote-fate-${q.fate}`}>{FATE[q.fate]}</span> {q.fate === 'changed' && q.diff ? <Diff diff={q.diff} /> : `“${q.quote}”`}
            </li>
          ))}
        </ul>
      )}
      {page.outcome === 'different' && page.checkId && !decided && (
        <p>
          <button type="button" onClick={() => void decide(false)}>
            Keep the stored snapshot
          </button>{' '}
          <button type="button" aria-disabled={readOnly} onClick={() => void (readOnly ? undefined : decide(true))}>
            Take the new version
          </button>
        </p>
      )}
      {decided && <p role="status">{decided}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

export function PageResults({ pages, readOnly }: { pages: readonly PageCheckResult[]; readOnly: boolean }) {
  if (!pages.length) return null
  return (
    <ul className="check-sources-pages" aria-label="Web pages fetched again">
      {pages.map((p) => (
        <PageResult key={p.sourceId} page={p} readOnly={readOnly} />
      ))}
    </ul>
  )
}
