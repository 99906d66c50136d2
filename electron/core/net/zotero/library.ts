import type { ZoteroAttachment, ZoteroSearchResult } from '../../../shared/dto/zotero'
import { ZOTERO_SEARCH_LIMIT } from '../../../shared/dto/zotero'
import { AppError, isAppError } from '../../errors'
import type { ServiceRequest } from '../service'
import { attachmentOf, cslOf, itemList, itemOf } from './items'
import { askZotero, LIBRARY, zoteroJson } from './local-api'

/**
 * Top-level items matching the analyst's words (title, creator, year: Zotero's own quick search), newest
 * first, each with its attachments from its children.
 */
export async function searchZotero(query: string, request: ServiceRequest = {}): Promise<ZoteroSearchResult> {
  const params = new URLSearchParams({ format: 'json', qmode: 'titleCreatorYear', sort: 'dateModified', direction: 'desc', limit: String(ZOTERO_SEARCH_LIMIT) })
  if (query.trim()) params.set('q', query.trim())
  const answer = await askZotero(`${LIBRARY}/items/top?${params}`, request)
  const entries = itemList(zoteroJson(answer))
  const items = []
  for (const entry of entries) items.push(itemOf(entry, await attachmentsOf(entry.key as string, request)))
  const total = Number(answer.headers['total-results'])
  return { items, total: Number.isFinite(total) && total >= items.length ? total : items.length }
}

export async function attachmentsOf(key: string, request: ServiceRequest = {}): Promise<ZoteroAttachment[]> {
  const entries = itemList(zoteroJson(await askZotero(`${LIBRARY}/items/${key}/children?format=json`, request)))
  return entries.map(attachmentOf).filter((a): a is ZoteroAttachment => a !== null)
}

/** The item's record as CSL-JSON, made by Zotero itself (`format=csljson`), so its field mapping is Zotero's. */
export async function cslRecordOf(key: string, request: ServiceRequest = {}): Promise<Record<string, unknown>> {
  try {
    return cslOf(zoteroJson(await askZotero(`${LIBRARY}/items/${key}?format=csljson`, request)), key)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `Zotero has no item ${key} in your library (it may have been deleted since the search).`)
    throw error
  }
}
