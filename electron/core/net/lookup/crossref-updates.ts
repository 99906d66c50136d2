import type { NoticeKind, SourceNotice } from '../../../shared/dto/source-updates'

/**
 * Crossref's update types (its schema's `update` element and the Retraction Watch natures it adds), sorted
 * into the three the analyst must hear about. Anything else (an addendum, a new version) is a plain update.
 */
const KIND_OF_TYPE: Record<string, NoticeKind> = {
  retraction: 'retraction',
  partial_retraction: 'retraction',
  withdrawal: 'retraction',
  removal: 'retraction',
  expression_of_concern: 'expression_of_concern',
  correction: 'correction',
  erratum: 'correction',
  corrigendum: 'correction',
}

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/
const MAX_NOTICES = 50

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined
}

/** `{"date-parts": [[2024, 3, 5]]}` as "2024-03-05", as precise as it was given. */
function dateOf(updated: unknown): string | undefined {
  const parts = (updated as { 'date-parts'?: unknown } | null)?.['date-parts']
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : []
  const numbers = first.filter((n): n is number => Number.isInteger(n)).slice(0, 3)
  if (!numbers.length || numbers[0]! < 1000 || numbers[0]! > 9999) return undefined
  return numbers.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-')
}

function words(type: string): string {
  const spaced = type.replace(/[_-]+/g, ' ')
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

/**
 * The notices registered against a work: the `updated-by` list of Crossref's works answer
 * (`{type, label, DOI, updated: {date-parts}, source}`), one per notice DOI and type. Entries of any other
 * shape are passed over, since a record of notices must never fail the rest of the check.
 */
export function noticesFromCrossref(message: Record<string, unknown>): SourceNotice[] {
  const list = Array.isArray(message['updated-by']) ? (message['updated-by'] as unknown[]) : []
  const seen = new Set<string>()
  const notices: SourceNotice[] = []
  for (const entry of list.slice(0, MAX_NOTICES * 4)) {
    if (!entry || typeof entry !== 'object') continue
    const e = entry as Record<string, unknown>
    const type = text(e.type, 60)?.toLowerCase()
    const doi = text(e.DOI, 300)
    if (!type || !doi || !DOI_SHAPE.test(doi) || seen.has(`${type} ${doi.toLowerCase()}`)) continue
    seen.add(`${type} ${doi.toLowerCase()}`)
    const date = dateOf(e.updated)
    const reportedBy = text(e.source, 60)
    notices.push({
      kind: KIND_OF_TYPE[type] ?? 'other',
      type,
      label: text(e.label, 100) ?? words(type),
      doi,
      url: `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`,
      ...(date ? { date } : {}),
      ...(reportedBy ? { reportedBy } : {}),
    })
    if (notices.length >= MAX_NOTICES) break
  }
  return notices
}
