import { NOTICE_KIND_LABELS, type SourceNotice } from '@shared/dto/source-updates'
import './online.css'

/** Crossref sends a doi.org address; anything that is not http(s) is shown as text, never as a link. */
function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null
}

/** A source's notices, most serious first: the badge says what happened, the link leads to the notice itself. */
export function NoticeList({ notices, checkedAt }: { notices: readonly SourceNotice[]; checkedAt?: string }) {
  if (!notices.length) return null
  return (
    <ul className="notice-list" aria-label="Notices against this source">
      {notices.map((n) => {
        const url = safeUrl(n.url)
        return (
          <li key={`${n.type} ${n.doi}`} className={`notice notice-${n.kind}`}>
            <span className={`notice-badge notice-badge-${n.kind}`}>{NOTICE_KIND_LABELS[n.kind]}</span>{' '}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {n.label}
                {n.date ? ` (${n.date})` : ''}
              </a>
            ) : (
              <span>
                {n.label}
                {n.date ? ` (${n.date})` : ''}
              </span>
            )}
            {n.reportedBy === 'retraction-watch' && <span className="muted"> · reported by Retraction Watch</span>}
          </li>
        )
      })}
      {checkedAt && <li className="notice-checked muted">Checked with Crossref on {checkedAt.slice(0, 10)}.</li>}
    </ul>
  )
}
