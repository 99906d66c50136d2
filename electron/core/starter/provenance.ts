import type { CslItem } from '../../shared/dto/csl'
import type { FieldOrigin, RecordProvenance } from '../../shared/dto/provenance'

/** What the starter manifest says of its records: which fields were checked and which only inferred. */
export interface StarterProvenance {
  checked?: string[]
  inferred?: string[]
}

/** The manifest's loose names for CSL fields ("container (the site)"). */
const FIELD_ALIASES: Record<string, string> = { container: 'container-title' }

/**
 * One manifest line → the CSL fields it names and why: "issued, volume, issue (the text calls …)" names three
 * fields with one reason; "container-title 'The General Practice Blog' (other posts carry it)" names one.
 */
function readLine(line: string): { fields: string[]; reason: string } {
  const open = line.indexOf('(')
  const head = open < 0 ? line : line.slice(0, open)
  const reason = open < 0 ? '' : line.slice(open + 1, line.lastIndexOf(')') > open ? line.lastIndexOf(')') : undefined).trim()
  const fields = head
    .split(',')
    .map((part) => /^\s*([A-Za-z][\w-]*)/.exec(part)?.[1] ?? '')
    .filter(Boolean)
    .map((field) => FIELD_ALIASES[field] ?? field)
  return { fields, reason }
}

/**
 * Checked fields count as entered (the corpus's editors checked them against the publisher's page); inferred
 * ones are guesses the analyst should confirm, as the manifest itself says. A field named both ways is a guess.
 */
export function starterProvenance(csl: Partial<CslItem>, stated: StarterProvenance | undefined): RecordProvenance {
  const provenance: RecordProvenance = {}
  const entered = (reason: string): FieldOrigin => ({ kind: 'entered', detail: reason ? `checked by Evident's editors: ${reason}` : "checked by Evident's editors" })
  for (const field of Object.keys(csl)) if (field !== 'id') provenance[field] = { kind: 'entered', detail: "the starter corpus's record" }
  for (const line of stated?.checked ?? []) {
    const { fields, reason } = readLine(line)
    for (const field of fields) if (field in csl) provenance[field] = entered(reason)
  }
  for (const line of stated?.inferred ?? []) {
    const { fields, reason } = readLine(line)
    const origin: FieldOrigin = { kind: 'guessed', detail: reason ? `inferred from the text: ${reason}` : 'inferred from the text' }
    for (const field of fields) if (field in csl) provenance[field] = { ...origin }
  }
  return provenance
}
