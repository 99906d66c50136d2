import type { Paragraph } from '@shared/dto/sources'
import { MAX_QUOTE_CHARS } from '@shared/limits'
import type { ClaimDraft } from './claims-ui'
import { rangeToSpan, type SourceSpan } from '../../ui/source-offsets'

/** The parts of SourceDetail a claim draft needs. */
export interface SourceText {
  id: string
  title: string
  text: string
  paragraphs: Paragraph[]
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

export const EMPTY_SELECTION = 'Select a passage in the source first: the selection is empty.'
export const OUTSIDE_SELECTION = 'Select a passage in the source text to make a claim from it.'
export const TOO_LONG = `A quote may be at most ${MAX_QUOTE_CHARS.toLocaleString('en-GB')} characters: select a shorter passage.`

/** The span the analyst selected in the reader, or why there is none to make a claim from. */
export function selectedSpan(container: Element, selection: Selection | null): Outcome<SourceSpan> {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || selection.toString().trim() === '') {
    return { ok: false, message: EMPTY_SELECTION }
  }
  const span = rangeToSpan(container, selection.getRangeAt(0))
  if (!span) return { ok: false, message: OUTSIDE_SELECTION }
  return { ok: true, value: span }
}

/**
 * The quote is cut from the source text itself, not from the DOM: across paragraphs the source has a
 * blank line that the screen does not, and the core checks the quote against the text character for character.
 */
export function draftFor(span: SourceSpan, source: SourceText): Outcome<ClaimDraft> {
  const exact = source.text.slice(span.start, span.end)
  if (exact.trim() === '') return { ok: false, message: EMPTY_SELECTION }
  if (exact.length > MAX_QUOTE_CHARS) return { ok: false, message: `${TOO_LONG} This one has ${exact.length.toLocaleString('en-GB')}.` }
  const paragraph = source.paragraphs.find((p) => span.start < p.end) ?? source.paragraphs[source.paragraphs.length - 1]
  return {
    ok: true,
    value: {
      sourceId: source.id,
      start: span.start,
      end: span.end,
      exact,
      sourceTitle: source.title,
      paragraph: paragraph?.number,
      page: paragraph?.page,
    },
  }
}
