import { defineWindowEvent } from '../../ui/window-events'

/**
 * Where the analyst is reading a source, sent by the clean text and by the Original view so the other
 * follows: the paragraph at the top of the view, or the clean-text offset of a claim that was clicked.
 */
export interface ReadingPlaceDetail {
  sourceId: string
  /** Which view moved: the other one follows, and neither follows itself. */
  from: 'clean' | 'original'
  paragraph: number
  /** A claim was clicked at this offset of the clean text: the other view shows that claim. */
  offset?: number
}

export const READING_PLACE_EVENT = defineWindowEvent<ReadingPlaceDetail>('evident:reading-place')
