import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

export interface OpenSourceDetail {
  sourceId: string
  /** Offsets of the quote in the source text; null when the claim was deleted (then paragraph and quote still guide). */
  start: number | null
  end: number | null
  paragraph: number
  claimId: string
  quote: string
}

/** Sent by a citation's "Open in source"; the shell opens the reader at the claim's passage (see shell-links.ts). */
export const OPEN_SOURCE_EVENT = defineWindowEvent<OpenSourceDetail>('evident:open-source')

/** Asks the brief workspace for its "New brief" dialog (the native menu's File › New brief). */
export const NEW_BRIEF_EVENT = defineWindowEvent<null>('evident:new-brief')

export function requestNewBrief(): void {
  emitWindowEvent(NEW_BRIEF_EVENT, null)
}

export interface RevealBlockDetail {
  briefId: string
  /** A top-level block of the brief, by its index (as the export check names places). */
  block: number
}

/** Asks the open brief's editor to show a block and put the caret there (the accessibility check's Go to). */
export const REVEAL_BLOCK_EVENT = defineWindowEvent<RevealBlockDetail>('evident:reveal-block')

export function requestRevealBlock(briefId: string, block: number): void {
  emitWindowEvent(REVEAL_BLOCK_EVENT, { briefId, block })
}

/** Sent when the analyst starts a comment thread (its id): the workspace opens the Comments pane on it. */
export const COMMENT_STARTED_EVENT = defineWindowEvent<string>('evident:comment-started')
