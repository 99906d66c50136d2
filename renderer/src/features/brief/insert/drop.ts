import { CLAIM_MIME } from '@shared/dto/claims'

export type DropIntent =
  | { kind: 'claim'; claimId: string }
  | { kind: 'bad-claim'; message: string }
  | { kind: 'files'; files: FileList }
  | { kind: 'text'; text: string }
  | { kind: 'lexical' }
  | { kind: 'none' }

export const BAD_CLAIM_MESSAGE = 'That item was not added: it is not a claim Evident recognises.'
const LEXICAL_MIME = 'application/x-lexical-editor'

function has(dt: DataTransfer, type: string): boolean {
  return Array.from(dt.types ?? []).includes(type)
}

/** Reads a dragged claim card's payload ({ claimId }), refusing anything else without throwing. */
export function parseClaimPayload(raw: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const claimId = (value as Record<string, unknown>).claimId
  return typeof claimId === 'string' && claimId.length > 0 && claimId.length <= 64 ? claimId : null
}

/** Whether a drag is one the editor takes over (so dragover must be accepted for the drop to arrive). */
export function acceptsDrag(dt: DataTransfer | null): boolean {
  return !!dt && (has(dt, CLAIM_MIME) || has(dt, 'Files'))
}

/** What a drop on the brief means, decided from the data alone. */
export function readDrop(dt: DataTransfer | null): DropIntent {
  if (!dt) return { kind: 'none' }
  if (has(dt, CLAIM_MIME)) {
    const claimId = parseClaimPayload(dt.getData(CLAIM_MIME))
    return claimId ? { kind: 'claim', claimId } : { kind: 'bad-claim', message: BAD_CLAIM_MESSAGE }
  }
  if (dt.files && dt.files.length > 0) return { kind: 'files', files: dt.files }
  // A drag from inside the editor moves text; Lexical's own handling does that.
  if (has(dt, LEXICAL_MIME)) return { kind: 'lexical' }
  const text = dt.getData('text/plain')
  return text ? { kind: 'text', text } : { kind: 'none' }
}
