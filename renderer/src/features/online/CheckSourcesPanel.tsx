import { useState } from 'react'
import type { OnlineCheckReport } from '@shared/dto/source-updates'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { NoticeList } from './NoticeList'
import { PageResults } from './PageResults'

interface Props {
  /** The brief whose cited sources are checked; without one, every source in the project. */
  briefId?: string | undefined
  /** After a check, so a report that shows stored notices can read them again. */
  onChecked?: (report: OnlineCheckReport) => void
  disabled?: boolean
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Check sources: asks Crossref (only now, because the analyst pressed the button) about retractions,
 * corrections and expressions of concern, and lists every source it could not check with the reason.
 */
export function CheckSourcesPanel({ briefId, onChecked, disabled = false }: Props) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<OnlineCheckReport | null>(null)
  const [error, setError] = useState('')

  async function check() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      const result = await api.invoke('sources.checkOnline', briefId ? { briefId } : {})
      setReport(result)
      onChecked?.(result)
    } catch (e) {
      setError(toEvidentError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const withNotices = report?.results.filter((r) => r.notices.length) ?? []
  const unchecked = report?.results.filter((r) => r.outcome !== 'checked') ?? []
  const checked = report ? report.results.length - unchecked.length : 0
  return (
    <section className="check-sources" aria-label="Check sources online">
      <p className="check-sources-intro">
        <button type="button" aria-disabled={busy || disabled} onClick={() => void (disabled ? undefined : check())}>
          Check sources
        </button>{' '}
        <span className="muted">Asks Crossref whether {briefId ? 'a cited source' : 'a source'} was retracted, corrected or given an expression of concern.</span>
      </p>
      <p role="status" className="check-sources-status">
        {busy
          ? 'Asking Crossref about each source with a DOI…'
          : report
            ? report.results.length === 0
              ? 'There are no sources to check.'
              : `${plural(checked, 'source')} checked, ${withNotices.length} with notices; ${plural(unchecked.length, 'source')} not checked.${report.pages.length ? ` ${plural(report.pages.length, 'web page')} fetched again, ${plural(report.changedQuotes, 'quote')} changed or gone.` : ''}${report.stored ? '' : ' (Read-only project: not kept.)'}`
            : ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {withNotices.length > 0 && (
        <ul className="check-sources-found" aria-label="Sources with notices">
          {withNotices.map((r) => (
            <li key={r.sourceId}>
              <span className="check-sources-title">{r.sourceTitle}</span>
              <NoticeList notices={r.notices} />
            </li>
          ))}
        </ul>
      )}
      {report && <PageResults pages={report.pages} readOnly={!report.stored} />}
      {unchecked.length > 0 && (
        <details className="check-sources-unchecked" open={unchecked.some((r) => r.outcome === 'not-checked')}>
          <summary>Not checked ({unchecked.length})</summary>
          <ul aria-label="Sources not checked">
            {unchecked.map((r) => (
              <li key={r.sourceId}>
                <span className="check-sources-title">{r.sourceTitle}</span> <span className="muted">— {r.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
