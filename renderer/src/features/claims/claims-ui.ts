import { createContext, useContext } from 'react'
import type { Claim, PdfPlace } from '@shared/dto/claims'

/** A passage the analyst chose in the reader, about to become a claim. */
export interface ClaimDraft {
  sourceId: string
  start: number
  end: number
  exact: string
  sourceTitle?: string
  paragraph?: number
  page?: string
  /** Selected on a PDF's page in the Original view: the page and the selection's rectangles. */
  pdf?: PdfPlace
}

/** Where the shell should take the reader: a source, scrolled to a passage. */
export interface SourceTarget {
  sourceId: string
  start: number
  end: number
  paragraph: number
}

export interface ClaimsUi {
  newClaim(draft: ClaimDraft): void
  openClaim(id: string): void
  /** The claim waiting for the analyst to select its passage again, if any. */
  reattaching: Claim | null
  startReattach(claim: Claim): void
  /** Re-anchors the waiting claim; throws with the core's message when the passage is refused. */
  reattach(span: { start: number; end: number; exact: string }): Promise<void>
  cancelReattach(): void
  /** Present when the shell can open a source at a passage. */
  showInSource: ((target: SourceTarget) => void) | null
  /** Why nothing can be changed (the project is open read-only), or null: claims are then only shown. */
  readOnly: string | null
}

export const ClaimsUiContext = createContext<ClaimsUi | null>(null)

/** The library, the reader layer and the suggestions all open the one claim form through this. */
export function useClaimsUi(): ClaimsUi {
  const ui = useContext(ClaimsUiContext)
  if (!ui) throw new Error('Claims components must be rendered inside <ClaimsProvider>.')
  return ui
}
