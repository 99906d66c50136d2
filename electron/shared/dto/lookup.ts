/** The identifiers a record can be looked up by, and the services that answer for each. */
export const IDENTIFIER_KINDS = ['doi', 'pmid', 'arxiv', 'isbn'] as const
export type IdentifierKindName = (typeof IDENTIFIER_KINDS)[number]

/** One field where the looked-up record says something other than the source's record. */
export interface FieldDifference {
  field: string
  /** The field's name for people ("Container title"). */
  label: string
  /** As the record has it now, written out; null when the record has no such field. */
  current: string | null
  found: string
}

export interface LookupResult {
  /** Names this answer when accepting fields of it: only what the service sent can be accepted as "from" it. */
  lookupId: string
  sourceId: string
  service: string
  identifier: { kind: IdentifierKindName; value: string }
  differences: FieldDifference[]
  /** Fields the service gave that the record already has as they are. */
  unchanged: string[]
}
