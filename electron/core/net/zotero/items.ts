import type { ZoteroAttachment, ZoteroItem } from '../../../shared/dto/zotero'
import { ZOTERO_KEY_PATTERN } from '../../../shared/dto/zotero'
import { AppError } from '../../errors'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown, max = 500): string => (typeof value === 'string' ? value.slice(0, max) : '')

/** The file kinds Evident reads from Zotero's storage: a PDF, or a web page Zotero saved as a snapshot. */
const IMPORTABLE_TYPES = new Set(['application/pdf', 'text/html', 'application/xhtml+xml'])
/** Files Zotero keeps in its own storage folder; a linked file lives wherever the analyst left it. */
const STORED_MODES = new Set(['imported_file', 'imported_url'])

function garbage(what: string): AppError {
  return new AppError('NETWORK_ERROR', `Zotero's answer was not ${what} as its local API sends them, so nothing was taken from it.`)
}

/** A list answer of the Web API v3 shape: an array of `{key, version, library, links, meta, data}`. */
export function itemList(answer: unknown): Json[] {
  if (!Array.isArray(answer) || !answer.every((entry) => isObject(entry) && isObject(entry.data) && typeof entry.key === 'string' && ZOTERO_KEY_PATTERN.test(entry.key))) {
    throw garbage('a list of items')
  }
  return answer as Json[]
}

export function attachmentOf(entry: Json): ZoteroAttachment | null {
  const data = entry.data as Json
  if (data.itemType !== 'attachment') return null
  const contentType = text(data.contentType, 100).toLowerCase()
  const linkMode = text(data.linkMode, 40)
  return {
    key: entry.key as string,
    title: text(data.title) || text(data.filename) || 'Attachment',
    contentType,
    linkMode,
    importable: IMPORTABLE_TYPES.has(contentType) && STORED_MODES.has(linkMode),
  }
}

/** A top-level item as the search shows it; Zotero's meta gives the creator summary and the parsed date. */
export function itemOf(entry: Json, attachments: ZoteroAttachment[]): ZoteroItem {
  const data = entry.data as Json
  const meta = isObject(entry.meta) ? entry.meta : {}
  const year = /^\d{4}/.exec(text(meta.parsedDate, 40))?.[0] ?? /\b\d{4}\b/.exec(text(data.date, 100))?.[0] ?? ''
  return {
    key: entry.key as string,
    itemType: text(data.itemType, 60) || 'document',
    title: text(data.title, 1000) || 'Untitled',
    creators: text(meta.creatorSummary, 300),
    year,
    attachments,
  }
}

/** The attachment Evident brings in with an item: its first PDF, else its first snapshot. */
export function bestAttachment(attachments: ZoteroAttachment[]): ZoteroAttachment | undefined {
  const usable = attachments.filter((a) => a.importable)
  return usable.find((a) => a.contentType === 'application/pdf') ?? usable[0]
}

/** `format=csljson` answers `{items: [...]}` (CSL-JSON as Zotero's citeproc gets it); the one whose id ends in the key. */
export function cslOf(answer: unknown, key: string): Json {
  const items = isObject(answer) && Array.isArray(answer.items) ? answer.items : Array.isArray(answer) ? answer : null
  if (!items) throw garbage('a CSL-JSON record')
  const record = items.find((item): item is Json => isObject(item) && (String(item.id ?? '').endsWith(`/${key}`) || item.id === key)) ?? (items.length === 1 && isObject(items[0]) ? items[0] : undefined)
  if (!record) throw garbage(`the CSL-JSON record of item ${key}`)
  return record
}
