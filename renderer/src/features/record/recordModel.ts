import type { CslDate, CslItem, CslName } from '../../../../electron/shared/dto/csl'

export interface AuthorRow {
  key: number
  family: string
  given: string
  /** An organisation stored as a CSL literal name ("NHS England"): edited in the family box. */
  literal: boolean
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
export const newAuthorRow = (family = '', given = '', literal = false): AuthorRow => ({ key: nextKey++, family, given, literal })

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
    authors: (csl.author ?? []).map((a: CslName) =>
      a.literal !== undefined && !a.family && !a.given ? newAuthorRow(a.literal, '', true) : newAuthorRow(a.family ?? '', a.given ?? ''),
    ),
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

/** The edited record, keeping every field the form does not show (notes, editors, ISBN...). */
export function cslFromFields(f: RecordFields, base: CslItem): CslItem {
  const item: CslItem = { ...base, type: f.type }
  set(item, 'title', f.title.trim())
  const authors = f.authors
    .map((a): CslName => (a.literal && !a.given.trim() ? { literal: a.family.trim() } : { family: a.family.trim(), given: a.given.trim() }))
    .map((a) => (a.given === '' ? (a.family ? { family: a.family } : a) : a))
    .filter((a) => a.literal || a.family || a.given)
  set(item, 'author', authors.length ? authors : undefined)
  set(item, 'container-title', f.container.trim())
  const parts = [f.year, f.month, f.day].map((p) => p.trim()).filter(Boolean).map(Number)
  set(item, 'issued', parts.length ? { 'date-parts': [parts] } : undefined)
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
