import type { AccessibilityItem, AccessibilityRule, IntegrityReport } from '@shared/dto/citations'
import { requestRevealBlock } from '../brief/events'

const RULE: Record<AccessibilityRule, string> = {
  'heading-order': 'Heading order',
  'empty-heading': 'Empty heading',
  'link-text': 'Link text',
  'table-header': 'Table header row',
  'merged-header': 'Merged header cell',
  'figure-alt': 'Figure without alt text',
  'italic-emphasis': 'Italics',
  'long-sentence': 'Long sentence',
}

function Item({ item, onGo }: { item: AccessibilityItem; onGo(block: number): void }) {
  return (
    <li className={`export-problem export-a11y-${item.severity}`}>
      <div className="export-problem-title">
        <span className={`export-badge export-badge-${item.severity === 'error' ? 'changed' : 'warning'}`}>{item.severity === 'error' ? 'Error' : 'Warning'}</span>
        <span>{RULE[item.rule]}</span>
        <button type="button" className="link" onClick={() => onGo(item.block)} aria-label={`Go to it in the brief: ${RULE[item.rule]}${item.excerpt ? `, “${item.excerpt}”` : ''}`}>
          Go to
        </button>
      </div>
      {item.excerpt && !item.message.includes(item.excerpt) && <p className="export-quote">“{item.excerpt}”</p>}
      <p className="export-detail">{item.message}</p>
    </li>
  )
}

/**
 * The brief against GOV.UK's accessible-document rules: errors (which stop the export unless the analyst
 * exports anyway) first, then warnings. Go to closes the dialog and puts the caret in that block of the brief.
 */
export function AccessibilityReport({ report, headingId, onGo }: { report: IntegrityReport; headingId: string; onGo(): void }) {
  const items = report.accessibility
  const errors = items.filter((i) => i.severity === 'error')
  const warnings = items.filter((i) => i.severity === 'warning')
  const go = (block: number) => {
    onGo()
    requestRevealBlock(report.briefId, block)
  }
  if (!items.length) {
    return (
      <p className="export-report-ok" role="status">
        The brief meets the accessible-document checks (headings in order, link text, italics, sentence length).
      </p>
    )
  }
  return (
    <section className="export-report" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-report-heading">
        Accessibility: {errors.length === 1 ? '1 error' : `${errors.length} errors`}, {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}
      </h3>
      <ul className="export-problems">
        {[...errors, ...warnings].map((item, i) => (
          <Item key={`${item.rule}-${item.block}-${i}`} item={item} onGo={go} />
        ))}
      </ul>
    </section>
  )
}
