import type { ReactNode } from 'react'
import type { IntegrityReport, QuoteStatus } from '@shared/dto/citations'
import { NoticeList } from '../online'
import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '@shared/dto/claims'

const STATUS: Record<QuoteStatus, string> = {
  ok: 'Matches',
  changed: 'Quote changed',
  // Orphaned: the passage could not be found again (the source was revised or removed).
  orphaned: 'Passage not found',
  deleted: 'Claim deleted',
}

/** Long quotes are cut in the list; the full text is in the claim, and the detail says where. */
function clip(text: string, max = 280): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Quotes an older import stored with characters a .docx cannot carry: they match, but the export drops those characters. */
function ForbiddenCharacters({ report }: { report: IntegrityReport }) {
  const found = report.forbiddenCharacters ?? []
  if (!found.length) return null
  return (
    <p className="export-detail" role="note">
      {plural(found.length, 'cited quote holds', 'cited quotes hold')} characters a Word document cannot carry (
      {found.map((f) => `${f.sourceTitle}: ${f.characters}`).join('; ')}); the export leaves them out.
    </p>
  )
}

/** A note beside the quote check, not a failure: claims citing a whole work have no words to match. */
function CitedWithoutQuote({ report }: { report: IntegrityReport }) {
  const whole = report.citedWithoutQuote
  if (!whole.length) return null
  const heading = `${CITED_WITHOUT_QUOTE}: ${whole.length === 1 ? '1 claim cites its source' : `${whole.length} claims cite their sources`} as a ${WHOLE_WORK}.`
  return (
    <ReportNote label={CITED_WITHOUT_QUOTE} heading={heading}>
      {whole.map((w) => (
        <li key={w.claimId}>
          <span>{w.sourceTitle}</span> <span className="muted">— {w.statement}</span>
          {w.textAttached && <span className="muted"> (its full text is attached now, so it can be tied to a quote)</span>}
        </li>
      ))}
    </ReportNote>
  )
}

/** One note beside the quote check: what it is about, then a row for each source it names. */
function ReportNote({ label, heading, className = 'export-guesses', children }: { label: string; heading: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={className} aria-label={label}>
      <p className="export-guesses-heading">{heading}</p>
      <ul>{children}</ul>
    </section>
  )
}

/** Every note beside the quote check, each shown only when it has something to say. */
function ReportNotes({ report }: { report: IntegrityReport }) {
  return (
    <>
      <CitedWithoutQuote report={report} />
      <ForbiddenCharacters report={report} />
      <GuessedReferences report={report} />
      <SourceNotices report={report} />
    </>
  )
}

/** A warning beside the quote check: references that still rest on Evident's guesses. */
function GuessedReferences({ report }: { report: IntegrityReport }) {
  const guessed = report.guessedReferences
  if (!guessed.length) return null
  const heading = `${guessed.length === 1 ? '1 cited source has' : `${guessed.length} cited sources have`} guessed fields in the reference: check and confirm them in Edit record.`
  return (
    <ReportNote label="References resting on guesses" heading={heading}>
      {guessed.map((g) => (
        <li key={g.sourceId}>
          <span>{g.sourceTitle}</span> <span className="muted">— {g.fields.join(', ')}</span>
        </li>
      ))}
    </ReportNote>
  )
}

/** A warning beside the quote check: cited sources retracted, corrected or of concern, as Check sources last found. */
function SourceNotices({ report }: { report: IntegrityReport }) {
  const noticed = report.sourceNotices
  if (!noticed.length) return null
  const heading = `${noticed.length === 1 ? '1 cited source has' : `${noticed.length} cited sources have`} notices against ${noticed.length === 1 ? 'it' : 'them'}:`
  return (
    <ReportNote label="Cited sources with notices" heading={heading} className="export-notices">
      {noticed.map((s) => (
        <li key={s.sourceId}>
          <span>{s.sourceTitle}</span>
          <NoticeList notices={s.notices} checkedAt={s.checkedAt} />
        </li>
      ))}
    </ReportNote>
  )
}

export function QuoteReport({ report, headingId }: { report: IntegrityReport; headingId?: string }) {
  const failing = report.items.filter((i) => i.status !== 'ok')
  if (failing.length === 0) {
    return (
      <>
        <p className="export-report-ok" role="status">
          {report.citationCount === 0
            ? 'This brief cites no claims yet.'
            : `All ${plural(report.citationCount, 'citation', 'citations')} match the words in their sources.`}
        </p>
        <ReportNotes report={report} />
      </>
    )
  }
  return (
    <section className="export-report" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-report-heading">
        {failing.length === 1 ? '1 cited quote no longer matches its source' : `${failing.length} cited quotes no longer match their sources`}
      </h3>
      <ul className="export-problems">
        {failing.map((item) => (
          <li key={item.claimId} className="export-problem">
            <div className="export-problem-title">
              <span className={`export-badge export-badge-${item.status}`}>{STATUS[item.status]}</span>
              <span>{item.sourceTitle}</span>
            </div>
            <p className="export-quote">
              <span className="muted">Quoted: </span>“{clip(item.quote)}”
            </p>
            {item.found !== undefined && (
              <p className="export-quote">
                <span className="muted">The source now reads: </span>“{clip(item.found)}”
              </p>
            )}
            <p className="export-detail">{item.detail}</p>
          </li>
        ))}
      </ul>
      <ReportNotes report={report} />
    </section>
  )
}
