export const TRASH_KINDS = ['source', 'claim', 'brief', 'tag', 'question'] as const
export type TrashKind = (typeof TRASH_KINDS)[number]

/** One thing in the Trash, as the Trash view lists it. */
export interface TrashEntry {
  /** The id to restore or delete forever by (a brief's own id; for the rest, the Trash's). */
  id: string
  kind: TrashKind
  /** The id the item had (and gets back on restore). */
  itemId: string
  name: string
  /** What it held: "12 claims; report.pdf (2.1 MB)", "in “Nuffield Trust 2023”"… */
  detail: string
  trashedAt: string
  /** Another entry this one cannot come back without (a claim's source, in the Trash too): restore both. */
  needs?: string
}

export interface TrashRestoreResult {
  restored: TrashEntry[]
}

/** A brief that cites a claim, and how many times: said before the claim is deleted. */
export interface CitingBrief {
  briefId: string
  title: string
  citations: number
}
