import type { FileFilter } from '@shared/dto/project'

const DOCUMENT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'pdf']
/** Reference files: each entry matches a source (and updates its record) or becomes a source known by its reference. */
const REFERENCE_EXTENSIONS = ['bib', 'ris', 'json']
export const IMPORT_EXTENSIONS = [...DOCUMENT_EXTENSIONS, ...REFERENCE_EXTENSIONS]
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((e) => '.' + e).join(',')
/** A new version of a source is a document: its text replaces the old one. */
export const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.map((e) => '.' + e).join(',')
export const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Documents and reference files', extensions: IMPORT_EXTENSIONS },
  { name: 'Reference files (BibTeX, RIS, CSL-JSON)', extensions: REFERENCE_EXTENSIONS },
]
