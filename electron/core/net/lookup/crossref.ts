import type { CslItem, CslName } from '../../../shared/dto/csl'

type Json = Record<string, unknown>

/** Crossref's work types, as CSL names them (Crossref's own list: api.crossref.org/types). */
const TYPES: Record<string, string> = {
  'journal-article': 'article-journal',
  'book-chapter': 'chapter',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  report: 'report',
  'report-component': 'report',
  'posted-content': 'article',
  'proceedings-article': 'paper-conference',
  dissertation: 'thesis',
  dataset: 'dataset',
  standard: 'standard',
}

/** Crossref titles carry JATS markup (<i>, <sub>): the record keeps the words. */
const str = (value: unknown, max = 2000): string | undefined => {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, max) : undefined
}

/** Content negotiation answers in CSL already (its types are CSL's own); the works API in Crossref's words. */
function typeOf(type: string | undefined): string | undefined {
  if (!type) return undefined
  return TYPES[type] ?? (/^[a-z-]{1,50}$/.test(type) ? type : undefined)
}
const first = (value: unknown): string | undefined => (Array.isArray(value) ? str(value[0]) : str(value))

function names(value: unknown): CslName[] | undefined {
  if (!Array.isArray(value)) return undefined
  const list = value
    .filter((n): n is Json => !!n && typeof n === 'object')
    .map((n) => {
      const name: CslName = {}
      if (str(n.family, 500)) name.family = str(n.family, 500)
      if (str(n.given, 500)) name.given = str(n.given, 500)
      if (!name.family && str(n.name, 1000)) name.literal = str(n.name, 1000)
      return name
    })
    .filter((n) => n.family || n.literal)
    .slice(0, 500)
  return list.length ? list : undefined
}

function dateParts(value: unknown): CslItem['issued'] | undefined {
  const parts = (value as { 'date-parts'?: unknown } | undefined)?.['date-parts']
  if (!Array.isArray(parts) || !Array.isArray(parts[0])) return undefined
  const first = (parts[0] as unknown[]).filter((p): p is number => Number.isInteger(p)).slice(0, 3)
  return first.length ? { 'date-parts': [first] } : undefined
}

/** A Crossref works "message" (or a CSL-JSON record from DOI content negotiation, which has the same names) → CSL. */
export function cslFromCrossref(message: Json): Partial<CslItem> {
  const record: Partial<CslItem> = {
    type: typeOf(str(message.type)),
    title: first(message.title),
    author: names(message.author),
    editor: names(message.editor),
    'container-title': first(message['container-title']),
    publisher: str(message.publisher, 1000),
    'publisher-place': str(message['publisher-location'] ?? message['publisher-place'], 1000),
    issued: dateParts(message.issued) ?? dateParts(message['published-print']) ?? dateParts(message['published-online']),
    volume: str(message.volume, 100),
    issue: str(message.issue, 100),
    page: str(message.page, 100),
    DOI: str(message.DOI, 500),
    URL: str(message.URL, 4000),
    ISBN: first(message.ISBN),
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<CslItem>
}
