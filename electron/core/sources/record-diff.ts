import type { CslDate, CslItem, CslName } from '../../shared/dto/csl'
import type { FieldDifference } from '../../shared/dto/lookup'

const LABELS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  author: 'Authors',
  editor: 'Editors',
  'container-title': 'Journal or site',
  publisher: 'Publisher',
  'publisher-place': 'Place',
  issued: 'Date',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  DOI: 'DOI',
  URL: 'URL',
  ISBN: 'ISBN',
  PMID: 'PMID',
  number: 'Number',
  note: 'Note',
  'number-of-pages': 'Number of pages',
}

function nameText(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ')
}

function dateText(date: CslDate): string {
  const parts = date['date-parts']?.[0]
  if (parts?.length) return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-')
  return date.literal ?? date.raw ?? ''
}

/** A field's value written out for the analyst to compare: names "Family, Given; …", dates 2026-03-14. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? nameText(v as CslName) : String(v))).join('; ')
  if (typeof value === 'object') return dateText(value as CslDate)
  return String(value)
}

// Case counts: a title's capitals are what a style prints.
const comparable = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Field by field, what a looked-up record would change in the current one; fields it leaves as they are are listed apart. */
export function recordDifferences(current: CslItem, found: Partial<CslItem>): { differences: FieldDifference[]; unchanged: string[] } {
  const differences: FieldDifference[] = []
  const unchanged: string[] = []
  for (const [field, value] of Object.entries(found)) {
    if (field === 'id' || value === undefined) continue
    const now = current[field]
    const foundText = fieldText(value)
    if (!foundText) continue
    if (now !== undefined && comparable(fieldText(now)) === comparable(foundText)) {
      unchanged.push(field)
      continue
    }
    differences.push({ field, label: LABELS[field] ?? field, current: now === undefined || fieldText(now) === '' ? null : fieldText(now), found: foundText })
  }
  return { differences, unchanged }
}
