import type { CslItem } from '../../shared/dto/csl'
import type { FieldOrigin, FieldProvenance, RecordProvenance } from '../../shared/dto/provenance'
import { metadataFromText, type Metadata } from './metadata'

/** Record fields together with where each came from: what every step that fills a record hands on. */
export interface Labelled {
  metadata: Metadata
  provenance: RecordProvenance
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
}

/** Every field of `metadata` said to come from `origin`. */
export function labelled(metadata: Metadata, origin: FieldOrigin): Labelled {
  const provenance: RecordProvenance = {}
  for (const [field, value] of Object.entries(metadata)) if (field !== 'id' && present(value)) provenance[field] = { ...origin }
  return { metadata, provenance }
}

/** Like mergeMetadata: the first part that has a field wins it, and its provenance goes with it. */
export function mergeLabelled(...parts: Labelled[]): Labelled {
  const metadata: Metadata = {}
  const provenance: RecordProvenance = {}
  for (const part of parts) {
    for (const [field, value] of Object.entries(part.metadata)) {
      if (field === 'id' || !present(value) || field in metadata) continue
      metadata[field] = value
      const origin = part.provenance[field]
      if (origin) provenance[field] = origin
    }
  }
  return { metadata, provenance }
}

/** Provenance kept only for fields the record still has, so a removed field leaves no stale label behind. */
export function forFieldsOf(csl: CslItem, provenance: RecordProvenance): RecordProvenance {
  const kept: RecordProvenance = {}
  for (const [field, origin] of Object.entries(provenance)) if (origin && field !== 'id' && present(csl[field])) kept[field] = origin
  return kept
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The provenance of a record after a write: fields the write names in `origins` take that origin, other fields
 * whose value changed take `changed` (an edit in the record form is the analyst's own entry), unchanged fields
 * keep what they had.
 */
export function provenanceAfterWrite(
  before: CslItem,
  after: CslItem,
  old: RecordProvenance,
  origins: Partial<Record<string, FieldOrigin>>,
  changed: FieldOrigin,
): RecordProvenance {
  const next: RecordProvenance = {}
  for (const [field, value] of Object.entries(after)) {
    if (field === 'id' || !present(value)) continue
    const named = origins[field]
    const kept = old[field]
    if (named) next[field] = { ...named }
    else if (!same(before[field], value)) next[field] = { ...changed }
    // An unchanged field imported before provenance was kept stays unlabelled: nobody knows where it came from.
    else if (kept) next[field] = kept
  }
  return next
}

export function isUnconfirmedGuess(origin: FieldProvenance | undefined): boolean {
  return origin?.kind === 'guessed' && !origin.confirmedAt
}

/** The fields of a record that still rest on Evident's guesses, in the record's own order. */
export function unconfirmedGuesses(csl: CslItem, provenance: RecordProvenance): string[] {
  return Object.keys(csl).filter((field) => field !== 'id' && present(csl[field]) && isUnconfirmedGuess(provenance[field]))
}

/** The analyst says these guessed fields are right as they stand. */
export function confirmGuesses(provenance: RecordProvenance, fields: string[], at: string): RecordProvenance {
  const next: RecordProvenance = { ...provenance }
  for (const field of fields) {
    const origin = next[field]
    if (origin?.kind === 'guessed' && !origin.confirmedAt) next[field] = { ...origin, confirmedAt: at }
  }
  return next
}

/** A DOI the text gives for itself is found; the first address near the top is only a guess at the work's URL. */
export function labelledFromText(text: string): Labelled {
  const { DOI, URL } = metadataFromText(text)
  return mergeLabelled(
    labelled(DOI ? { DOI } : {}, { kind: 'text', detail: 'a DOI near the top of the text' }),
    labelled(URL ? { URL } : {}, { kind: 'guessed', detail: 'the first web address near the top of the text' }),
  )
}
