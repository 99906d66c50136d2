import { z } from 'zod'
import type { ZoteroSearchResult } from '../dto/zotero'

export const zoteroArgs = {
  /** Searches the analyst's Zotero library through its local API (read-only): title, creator and year. */
  'zotero.search': z.object({ query: z.string().trim().max(500, 'A search may be at most 500 characters.') }).strict(),
}

export interface ZoteroResults {
  'zotero.search': ZoteroSearchResult
}
