import type { ClaimAnchor } from '../../shared/dto/claims'
import type { Paragraph } from '../../shared/dto/sources'
import { ANCHOR_CONTEXT_CHARS, MAX_QUOTE_CHARS } from '../../shared/limits'
import { AppError } from '../errors'
import { paragraphAt } from '../sources/assemble'

export const MISMATCH_MESSAGE =
  'The selected text no longer matches the source: it may have changed since it was opened. Reopen the source and select the passage again.'

export interface Selection {
  start: number
  end: number
  exact: string
}

/**
 * Checks what the analyst selected against the stored text, and trims surrounding whitespace so
 * the anchor holds only the words (a drag-selection often catches a space or the paragraph break).
 */
export function checkSelection(text: string, selection: Selection): Selection {
  const { start, end, exact } = selection
  if (!exact.trim()) throw new AppError('INVALID_INPUT', 'Select some text first: the selection is empty.')
  if (exact.length > MAX_QUOTE_CHARS) {
    throw new AppError(
      'INVALID_INPUT',
      `A quote may be at most ${MAX_QUOTE_CHARS.toLocaleString('en-GB')} characters and this selection has ${exact.length.toLocaleString('en-GB')}: select a shorter passage.`,
    )
  }
  if (end <= start || end > text.length || text.slice(start, end) !== exact) throw new AppError('INVALID_INPUT', MISMATCH_MESSAGE)
  const lead = exact.length - exact.trimStart().length
  const trail = exact.length - exact.trimEnd().length
  return { start: start + lead, end: end - trail, exact: exact.trim() }
}

/** TextQuote + TextPosition selectors for start..end, plus the paragraph and page a reader looks for. */
export function buildAnchor(text: string, paragraphs: Paragraph[], start: number, end: number): ClaimAnchor {
  const anchor: ClaimAnchor = {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + ANCHOR_CONTEXT_CHARS),
    start,
    end,
    paragraph: 0,
  }
  const paragraph = paragraphAt(paragraphs, start)
  if (paragraph) {
    anchor.paragraph = paragraph.number
    if (paragraph.page !== undefined) anchor.page = paragraph.page
  }
  return anchor
}
