import type { Claim, PdfPlace } from '@shared/dto/claims'
import type { SourceDetail } from '@shared/dto/sources'
import type { OriginalTarget } from '../original'
import type { JumpTarget } from '../reader/Reader'

/** As much context as a claim's anchor keeps either side of its quote (design.md: 32 characters). */
const CONTEXT = 32

/**
 * Where "Open in source" takes the Original view: the quote's words (with the clean text around them to
 * tell repeats apart), the page label of the paragraph it starts in, and where the claim at those words keeps
 * its PDF page and rectangles, those. Null for a jump without a quote.
 */
export function originalTarget(detail: SourceDetail, jump: JumpTarget | null, pdf?: PdfPlace): OriginalTarget | null {
  const quote = jump?.sourceId === detail.id ? jump.quote : undefined
  if (!jump || !quote || quote.end <= quote.start || quote.end > detail.text.length) return null
  const { start, end } = quote
  const paragraph = detail.paragraphs.find((p) => p.start <= start && start < p.end)
  return {
    anchor: {
      exact: detail.text.slice(start, end),
      prefix: detail.text.slice(Math.max(0, start - CONTEXT), start),
      suffix: detail.text.slice(end, end + CONTEXT),
    },
    page: paragraph?.page,
    start,
    end,
    ...(pdf ? { pdf } : {}),
    seq: jump.seq,
  }
}

/**
 * The kept PDF place of the claim at the jump's words, as text: the target is made again when that changes
 * (a place found since), not each time the claims are fetched again (which would scroll the view back).
 */
export function targetPlaceKey(claims: readonly Claim[], jump: JumpTarget | null): string {
  const quote = jump?.quote
  const pdf = quote && claims.find((c) => c.status === 'anchored' && c.anchor.start === quote.start && c.anchor.end === quote.end && c.anchor.pdf)?.anchor.pdf
  return pdf ? JSON.stringify(pdf) : ''
}
