import type { CslItem } from '../../../shared/dto/csl'
import { parseDate } from './dates'

type Json = Record<string, unknown>
const str = (value: unknown, max = 2000) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined)
const names = (value: unknown): string[] => (Array.isArray(value) ? (value as Json[]).map((v) => str(v?.name)).filter((n): n is string => !!n) : [])

/** Open Library's books API (bibkeys=ISBN:…, jscmd=data) → CSL, or null when it has no such book (it answers {}). */
export function cslFromOpenLibrary(answer: unknown, isbn: string): Partial<CslItem> | null {
  const book = (answer as Json | null)?.[`ISBN:${isbn}`] as Json | undefined
  if (!book || typeof book !== 'object' || !str(book.title)) return null
  const subtitle = str(book.subtitle)
  const authors = names(book.authors)
    .slice(0, 500)
    .map((name) => {
      const parts = name.split(' ')
      return parts.length > 1 ? { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') } : { literal: name }
    })
  const record: Partial<CslItem> = {
    type: 'book',
    title: subtitle ? `${str(book.title)}: ${subtitle}` : str(book.title),
    author: authors.length ? authors : undefined,
    publisher: names(book.publishers)[0],
    'publisher-place': names(book.publish_places)[0],
    issued: parseDate(str(book.publish_date)),
    'number-of-pages': typeof book.number_of_pages === 'number' ? String(book.number_of_pages) : undefined,
    ISBN: isbn,
    URL: str(book.url, 4000),
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<CslItem>
}
