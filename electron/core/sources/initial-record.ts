import type { CslItem } from '../../shared/dto/csl'
import type { FieldOrigin, RecordProvenance } from '../../shared/dto/provenance'
import { stripXmlForbiddenDeep } from '../../shared/xml-chars'
import { displayTitle } from './csl'
import { forFieldsOf } from './provenance'
import type { NewSource } from './repository'

/** A source made from a reference file's entry alone: its record, where each field came from, and the file's name. */
export interface ReferenceOnlySource {
  csl: CslItem
  provenance: RecordProvenance
  fileName: string
}

/** The analyst's own entry, the default for a field a write changes without naming its origin. */
export const ENTERED: FieldOrigin = { kind: 'entered' }

/** The record a new source starts with, and where each of its fields came from. */
export function initialRecord(id: string, input: NewSource): { csl: CslItem; provenance: RecordProvenance } {
  // A record read from a document is as untrusted as its text: no character XML forbids reaches a reference.
  const csl: CslItem = stripXmlForbiddenDeep({ type: 'document', ...input.document.metadata, ...input.csl, id })
  const provenance: RecordProvenance = {}
  for (const field of Object.keys(csl)) {
    if (input.csl && field in input.csl) provenance[field] = input.provenance?.[field] ?? ENTERED
    else if (field in input.document.metadata) provenance[field] = input.document.provenance?.[field] ?? { kind: 'document', detail: `the ${input.document.format} file's own metadata` }
  }
  if (!provenance.type) provenance.type = { kind: 'guessed', detail: "Evident's default: the file did not say what kind of work it is" }
  const title = displayTitle(csl, input.fileName)
  if (!csl.title) {
    csl.title = title
    provenance.title = { kind: 'guessed', detail: 'the file name' }
  }
  return { csl, provenance: forFieldsOf(csl, provenance) }
}
