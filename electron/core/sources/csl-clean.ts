import type { CslDate, CslItem, CslName } from '../../shared/dto/csl'
import {
  CSL_DATE_FIELDS,
  CSL_LONG_FIELDS,
  CSL_NAME_FIELDS,
  CSL_NUMBER_FIELDS,
  CSL_STRING_FIELDS,
  MAX_CSL_LONG_CHARS,
  MAX_CSL_NAMES,
  MAX_CSL_STRING_CHARS,
} from '../../shared/dto/csl-fields'

/** What cleaning did to a record, for the reading's summary. */
export interface CleanNotes {
  /** Fields the CSL schema does not define, left out. */
  dropped: Set<string>
  /** Fields cut to Evident's limits (a 15 MB abstract). */
  cut: number
}

const NAME_PARTS = ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const
const NAME_FLAGS = ['comma-suffix', 'static-ordering', 'parse-names'] as const
const NAME_FIELDS = new Set<string>(CSL_NAME_FIELDS)
const DATE_FIELDS = new Set<string>(CSL_DATE_FIELDS)
const NUMBER_FIELDS = new Set<string>(CSL_NUMBER_FIELDS)
const STRING_FIELDS = new Set<string>(CSL_STRING_FIELDS)

function bounded(value: unknown, max: number, notes: CleanNotes): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value)
  if (text.length <= max) return text
  notes.cut++
  return `${text.slice(0, max - 1)}…`
}

function cleanName(raw: unknown, notes: CleanNotes): CslName | undefined {
  if (typeof raw === 'string') return raw.trim() ? { literal: bounded(raw.trim(), 1000, notes)! } : undefined
  if (typeof raw !== 'object' || raw === null) return undefined
  const source = raw as Record<string, unknown>
  const name: CslName = {}
  for (const part of NAME_PARTS) {
    const value = bounded(source[part], part === 'literal' ? 1000 : 500, notes)
    if (value?.trim()) name[part] = value
  }
  if (!name.family && !name.given && !name.literal) return undefined
  for (const flag of NAME_FLAGS) {
    const value = source[flag]
    if (typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && value.length <= 10)) name[flag] = value
  }
  return name
}

function cleanDate(raw: unknown, notes: CleanNotes): CslDate | undefined {
  if (typeof raw === 'string' || typeof raw === 'number') return { raw: bounded(raw, 100, notes)! }
  if (typeof raw !== 'object' || raw === null) return undefined
  const source = raw as Record<string, unknown>
  const date: CslDate = {}
  const parts = source['date-parts']
  if (Array.isArray(parts)) {
    const ranges = parts
      .slice(0, 2)
      .filter(Array.isArray)
      .map((range: unknown[]) => range.slice(0, 3).filter((p) => typeof p === 'number' || (typeof p === 'string' && p.length <= 10)) as (number | string)[])
      .filter((range) => range.length > 0)
    if (ranges.length) date['date-parts'] = ranges
  }
  for (const key of ['season', 'raw', 'literal'] as const) {
    const value = bounded(source[key], 100, notes)
    if (value) date[key] = value
  }
  const circa = source.circa
  if (typeof circa === 'boolean' || typeof circa === 'number' || (typeof circa === 'string' && circa.length <= 20)) date.circa = circa
  return Object.keys(date).length ? date : undefined
}

/**
 * A record as a reference manager wrote it → the CSL fields the schema defines, each in its shape and within
 * Evident's limits. Unknown fields are left out and named in `notes`; a javascript: or file: URL is dropped.
 */
export function cleanCslRecord(raw: Record<string, unknown>, fallbackId: string, notes: CleanNotes): CslItem {
  const type = typeof raw.type === 'string' && /^[a-z_-]{1,50}$/.test(raw.type) ? raw.type : 'document'
  const id = (bounded(raw.id, 200, notes) ?? bounded(raw['citation-key'], 200, notes) ?? fallbackId).slice(0, 200)
  const item: CslItem = { id, type }
  for (const [field, value] of Object.entries(raw)) {
    if (field === 'id' || field === 'type') continue
    if (NAME_FIELDS.has(field)) {
      const names = Array.isArray(value) ? value.slice(0, MAX_CSL_NAMES).map((n) => cleanName(n, notes)).filter((n): n is CslName => !!n) : []
      if (Array.isArray(value) && value.length > MAX_CSL_NAMES) notes.cut++
      if (names.length) item[field] = names
    } else if (DATE_FIELDS.has(field)) {
      const date = cleanDate(value, notes)
      if (date) item[field] = date
    } else if (NUMBER_FIELDS.has(field)) {
      const text = bounded(value, 100, notes)
      if (text?.trim()) item[field] = text
    } else if (STRING_FIELDS.has(field)) {
      const text = bounded(value, CSL_LONG_FIELDS.has(field) ? MAX_CSL_LONG_CHARS : MAX_CSL_STRING_CHARS, notes)
      if (text?.trim()) item[field] = text
    } else if (!field.startsWith('_')) notes.dropped.add(field.slice(0, 60))
  }
  if (typeof item.URL === 'string' && !/^https?:\/\//i.test(item.URL)) delete item.URL
  return item
}
