import type { FieldProvenance } from '@shared/dto/provenance'

/** "From Crossref", "Guessed: the file name" — one line an analyst reads at a glance. */
export function describeProvenance(origin: FieldProvenance): string {
  const detail = origin.detail ?? ''
  switch (origin.kind) {
    case 'entered':
      return detail ? detail[0]!.toUpperCase() + detail.slice(1) : 'Entered by you'
    case 'reference-file':
      return detail ? `From the reference file ${detail}` : 'From a reference file'
    case 'lookup':
      return detail ? `From ${detail}` : 'From an identifier lookup'
    case 'document':
      return detail ? `From ${detail}` : "From the document's own metadata"
    case 'text':
      return detail ? `Found in the text: ${detail}` : 'Found in the text'
    case 'guessed':
      return detail ? `Guessed: ${detail}` : 'Guessed by Evident'
  }
}

export interface ProvenanceNoteProps {
  /** The record form's name for the field ("Title", "Date published"), for the confirm button's label. */
  label: string
  origin: FieldProvenance | undefined
  /** The field has a value: an empty field has nothing to say where it came from. */
  filled: boolean
  /** The analyst changed it in the form: it will be their entry once saved. */
  edited: boolean
  onConfirm: () => void
  confirming: boolean
}

/** Where one field of the record came from; a guess is marked, with a way to confirm it as right. */
export function ProvenanceNote({ label, origin, filled, edited, onConfirm, confirming }: ProvenanceNoteProps) {
  if (edited) return <span className="provenance provenance-entered">Your entry (not saved yet)</span>
  if (!filled) return null
  if (!origin) return <span className="provenance muted">Where this came from was not recorded</span>
  if (origin.kind === 'guessed' && !origin.confirmedAt) {
    return (
      <span className="provenance provenance-guess">
        <span className="provenance-badge">Guess</span> {describeProvenance(origin).replace(/^Guessed: /, '')}
        <button type="button" className="provenance-confirm" onClick={onConfirm} disabled={confirming} aria-label={`Confirm ${label.toLowerCase()} as right`}>
          {confirming ? 'Confirming…' : 'Confirm'}
        </button>
      </span>
    )
  }
  const confirmed = origin.kind === 'guessed' && origin.confirmedAt
  return (
    <span className={`provenance provenance-${origin.kind}`}>
      {describeProvenance(origin)}
      {confirmed ? ' — confirmed by you' : ''}
    </span>
  )
}
