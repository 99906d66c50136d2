import type { IntegrityReport, LeftOutItem } from '@shared/dto/citations'
import { requestRevealBlock } from '../brief/events'

function describe(item: LeftOutItem): string {
  return item.kind === 'empty-section' ? `“${item.title}”: nothing written under it yet` : `Placeholder text${item.title ? ` in “${item.title}”` : ''}`
}

/**
 * A note beside the checks, not a failure: template headings still empty and template prompts not yet
 * replaced stay in the brief but not in the document. Go to closes the dialog at that place of the brief.
 */
export function LeftOutReport({ report, onGo }: { report: IntegrityReport; onGo(): void }) {
  const items = report.leftOut
  if (!items.length) return null
  return (
    <section className="export-guesses" aria-label="Left out of the export">
      <p className="export-guesses-heading">
        Left out of the export: {items.length === 1 ? '1 part' : `${items.length} parts`} of the template not written yet.
      </p>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}-${item.block}`}>
            <span>{describe(item)}</span>{' '}
            <button type="button" className="link" onClick={() => (onGo(), requestRevealBlock(report.briefId, item.block))} aria-label={`Go to it in the brief: ${describe(item)}`}>
              Go to
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
