import type { CslDate, CslItem, CslName } from '@shared/dto/csl'

export interface AuthorRow {
  key: number
  family: string
  given: string
  /** An organisation stored as a CSL literal name ("NHS England"): edited in the family box. */
  literal: boolean
  /**
   * The name's other CSL parts, kept through an edit: the form shows a non-dropping particle in the family box
   * ("van Gogh") and keeps the dropping particle and suffix ("von", "Jr.") as the reference file gave them.
   */
  parts?: Omit<CslName, 'family' | 'given' | 'literal'>
}

export interface RecordFields {
  type: string
  title: string
  authors: AuthorRow[]
  container: string
  year: string
  month: string
  day: string
  volume: string
  issue: string
  pages: string
  doi: string
  url: string
  publisher: string
  /** yyyy-mm-dd, as an <input type="date"> gives it. */
  accessed: string
}

export type FieldErrors = Partial<Record<'url' | 'date' | 'accessed' | 'title', string>>

let nextKey = 1
export const newAuthorRow = (family = '', given = '', literal = false, parts?: AuthorRow['parts']): AuthorRow => ({
  key: nextKey++,
  family,
  given,
  literal,
  ...(parts && Object.keys(parts).length ? { parts } : {}),
})

function rowFromName(a: CslName): AuthorRow {
  if (a.literal !== undefined && !a.family && !a.given) return newAuthorRow(a.literal, '', true)
  const { family = '', given = '', literal: _literal, ...parts } = a
  const particle = parts['non-dropping-particle']
  return newAuthorRow(particle ? `${particle} ${family}` : family, given, false, parts)
}

/** The row back as a CSL name: a particle the analyst left at the front of the family box stays a particle. */
function nameFromRow(a: AuthorRow): CslName {
  const family = a.family.trim()
  const given = a.given.trim()
  if (a.literal && !given) return { literal: family }
  const { 'non-dropping-particle': particle, ...rest } = a.parts ?? {}
  const name: CslName = { ...rest }
  if (particle && family.startsWith(`${particle} `)) {
    name['non-dropping-particle'] = particle
    name.family = family.slice(particle.length + 1).trim()
  } else if (family) name.family = family
  if (given) name.given = given
  return name
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

function dateParts(date: CslDate | undefined): string[] {
  const parts = date?.['date-parts']?.[0]
  if (parts?.length) return parts.map(text)
  const year = /\b(\d{4})\b/.exec(date?.raw ?? date?.literal ?? '')?.[1]
  return year ? [year] : []
}

const pad = (n: string) => n.padStart(2, '0')

export function fieldsFromCsl(csl: CslItem): RecordFields {
  const [year = '', month = '', day = ''] = dateParts(csl.issued)
  const accessed = dateParts(csl.accessed)
  return {
    type: csl.type || 'article-journal',
    title: csl.title ?? '',
    authors: (csl.author ?? []).map(rowFromName),
    container: csl['container-title'] ?? '',
    year,
    month,
    day,
    volume: text(csl.volume),
    issue: text(csl.issue),
    pages: text(csl.page),
    doi: csl.DOI ?? '',
    url: csl.URL ?? '',
    publisher: csl.publisher ?? '',
    accessed: accessed.length === 3 ? `${accessed[0]}-${pad(accessed[1]!)}-${pad(accessed[2]!)}` : '',
  }
}

/** Only web addresses a citation can safely link to: http and https, nothing that runs or reads files. */
export function urlError(url: string): string | undefined {
  const value = url.trim()
  if (!value) return undefined
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return 'Enter a full web address starting with http:// or https://.'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Only http:// and https:// web addresses are allowed.'
  return undefined
}

function dateError(f: RecordFields): string | undefined {
  const { year, month, day } = { year: f.year.trim(), month: f.month.trim(), day: f.day.trim() }
  if (!year && (month || day)) return 'A date needs a year.'
  if (year && !/^-?\d{1,4}$/.test(year)) return 'The year must be a number, like 2014.'
  if (day && !month) return 'A day needs a month.'
  if (day && !(/^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31)) return 'The day must be between 1 and 31.'
  return undefined
}

export function validate(f: RecordFields): FieldErrors {
  const errors: FieldErrors = {}
  if (!f.title.trim()) errors.title = 'A record needs a title.'
  const url = urlError(f.url)
  if (url) errors.url = url
  const date = dateError(f)
  if (date) errors.date = date
  if (f.accessed && !/^\d{4}-\d{2}-\d{2}$/.test(f.accessed)) errors.accessed = 'Enter the accessed date as a full date.'
  return errors
}

function set(item: CslItem, field: string, value: unknown): void {
  if (value === undefined || value === '') delete item[field]
  else item[field] = value
}

/**
 * The form's year, month and day as the record's date, keeping what the form does not show: a season or
 * "circa" stays while the year is the same, and a date given only in words ("n.d.", "forthcoming") stays while
 * the analyst leaves the boxes empty.
 */
function issuedFrom(f: RecordFields, base: CslDate | undefined): CslDate | undefined {
  const parts = [f.year, f.month, f.day].map((p) => p.trim()).filter(Boolean).map(Number)
  if (!parts.length) return base && !base['date-parts']?.length && (base.literal || base.raw) && !dateParts(base).length ? base : undefined
  const date: CslDate = { 'date-parts': [parts] }
  if (base && String(dateParts(base)[0] ?? '') === String(parts[0])) {
    if (base.season !== undefined) date.season = base.season
    if (base.circa !== undefined) date.circa = base.circa
  }
  return date
}

/** The edited record, keeping every field the form does not show (notes, editors, ISBN...). */
export function cslFromFields(f: RecordFields, base: CslItem): CslItem {
  const item: CslItem = { ...base, type: f.type }
  set(item, 'title', f.title.trim())
  const authors = f.authors.map(nameFromRow).filter((a) => a.literal || a.family || a.given)
  set(item, 'author', authors.length ? authors : undefined)
  set(item, 'container-title', f.container.trim())
  set(item, 'issued', issuedFrom(f, base.issued))
  set(item, 'volume', f.volume.trim())
  set(item, 'issue', f.issue.trim())
  set(item, 'page', f.pages.trim())
  set(item, 'DOI', f.doi.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''))
  set(item, 'URL', f.url.trim())
  set(item, 'publisher', f.publisher.trim())
  const accessed = f.accessed ? f.accessed.split('-').map(Number) : []
  set(item, 'accessed', accessed.length === 3 ? { 'date-parts': [accessed] } : undefined)
  return item
}
