/**
 * Every variable the CSL-JSON schema (csl-data.json, CSL 1.0.2) defines, by kind, so a record from a reference
 * manager keeps all of them and nothing else. The same list citation-js reads
 * (@citation-js/core plugins/input/csl.js).
 */
export const CSL_NAME_FIELDS = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
] as const

export const CSL_DATE_FIELDS = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const

/** Variables the schema allows as a string or a number ("volume": 64). */
export const CSL_NUMBER_FIELDS = [
  'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue',
  'locator', 'number', 'number-of-pages', 'number-of-volumes', 'part-number', 'printing', 'section', 'supplement',
  'volume',
] as const

export const CSL_STRING_FIELDS = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'citation-key', 'citation-label', 'collection-title', 'container-title', 'container-title-short',
  'dimensions', 'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction',
  'keyword', 'language', 'license', 'medium', 'note', 'original-publisher', 'original-publisher-place',
  'original-title', 'page', 'page-first', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place',
  'references', 'reviewed-genre', 'reviewed-title', 'scale', 'source', 'status', 'title', 'title-short', 'URL',
  'version', 'volume-title', 'volume-title-short', 'year-suffix', 'journalAbbreviation', 'shortTitle',
] as const

/** Long prose fields; every other string is a title, a place or an identifier. */
export const CSL_LONG_FIELDS = new Set<string>(['abstract', 'annote', 'note', 'references'])
export const MAX_CSL_LONG_CHARS = 20_000
export const MAX_CSL_STRING_CHARS = 2_000
export const MAX_CSL_NAMES = 500
