/**
 * Where each field of a source's CSL record came from, so the analyst knows which parts of a reference were
 * checked and which are Evident's guesses. Keyed by CSL field name ("title", "issued", "author"...).
 */
export const PROVENANCE_KINDS = ['entered', 'reference-file', 'lookup', 'document', 'text', 'guessed'] as const
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number]

/** The identifier services a lookup may name as its origin (network fetching records them). */
export const LOOKUP_SERVICES = ['Crossref', 'DOI content negotiation', 'NCBI', 'arXiv', 'Open Library'] as const

export interface FieldProvenance {
  kind: ProvenanceKind
  /**
   * Which one: the reference file's name, the lookup service ("Crossref"), the document's metadata
   * ("PDF info", "XMP", "core properties", "citation_* meta tags"), what in the text ("a DOI on page 1"), or
   * how the guess was made ("the largest text on page 1").
   */
  detail?: string
  /** Set when the analyst confirmed a guessed field as right without changing it. */
  confirmedAt?: string
}

export type RecordProvenance = Partial<Record<string, FieldProvenance>>

/** What a write says about the fields it sets; the core adds the time of a confirmation itself. */
export type FieldOrigin = Omit<FieldProvenance, 'confirmedAt'>

export const PROVENANCE_LABELS: Record<ProvenanceKind, string> = {
  entered: 'Entered by the analyst',
  'reference-file': 'From a reference file',
  lookup: 'From an identifier lookup',
  document: "From the document's own metadata",
  text: 'Found in the text',
  guessed: 'Guessed',
}

export const MAX_PROVENANCE_DETAIL_CHARS = 300
