/** An attachment of a Zotero item, as the search shows it: a PDF or a saved web page Evident can bring in, or not. */
export interface ZoteroAttachment {
  key: string
  title: string
  /** 'application/pdf', 'text/html' (a snapshot), ... as Zotero records it. */
  contentType: string
  /** imported_file / imported_url live in Zotero's storage folder; linked_file and linked_url do not. */
  linkMode: string
  /** A PDF or snapshot stored in Zotero's storage folder: the kind of file Evident imports. */
  importable: boolean
}

/** One top-level item of the analyst's Zotero library, with what is attached to it. */
export interface ZoteroItem {
  key: string
  itemType: string
  title: string
  /** Zotero's own summary of the creators ("Smith and Jones", "Patel et al."). */
  creators: string
  year: string
  attachments: ZoteroAttachment[]
}

export interface ZoteroSearchResult {
  items: ZoteroItem[]
  /** How many items match in all (Zotero's Total-Results); at most ZOTERO_SEARCH_LIMIT are shown. */
  total: number
}

/** How many items one search shows: a library search is for finding, not for paging through thousands. */
export const ZOTERO_SEARCH_LIMIT = 50
/** How many items one import takes. */
export const MAX_ZOTERO_IMPORT_ITEMS = 100
/** Zotero's item keys: eight of its 32 letters and digits. */
export const ZOTERO_KEY_PATTERN = /^[23456789ABCDEFGHIJKLMNPQRSTUVWXYZ]{8}$/

/** Said wherever Zotero cannot be reached, so the analyst knows the one setting that matters. */
export const ZOTERO_ENABLE_HINT =
  'In Zotero 7, open Settings › Advanced and turn on “Allow other applications on this computer to communicate with Zotero”.'
