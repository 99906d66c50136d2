import type { NoteMode } from './dto/briefs'

/** in-text: the style's label stands in the sentence; note: a note mark (Word's or a superscript number). */
export type CitationPlacement = 'in-text' | 'note'

export type StyleKindName = 'numeric' | 'author-date' | 'note'

/**
 * The note mode a brief really gets: a note style's citations are notes, so "no notes" means footnotes for
 * it (an in-text label holding a whole note would read as a stray footnote in the sentence).
 */
export function effectiveNotes(kind: StyleKindName, notes: NoteMode): NoteMode {
  return kind === 'note' && notes === 'none' ? 'footnotes' : notes
}

export function placementOf(kind: StyleKindName, notes: NoteMode): CitationPlacement {
  return effectiveNotes(kind, notes) === 'none' ? 'in-text' : 'note'
}

// A sentence's own marks that a citation moves across; "?" and "!" stay where the writer put them in text.
const IN_TEXT_MOVES = /(^|[^.,;:])([.,;:])([”’"»]?)(\s*)$/
const NOTE_MOVES = /^[.,;:!?]+/
const CLOSING_QUOTE = /[”’"»]$/

/**
 * Puts the sentence's punctuation where the style wants it around one citation cluster, as pandoc's citeproc
 * does: an in-text citation stands before the closing punctuation ("crisis (Jones, 2014)."), a note mark
 * after it ("crisis.¹"), and inside closing quotation marks where the locale puts punctuation in quotes
 * (en-US "…care.”¹", en-GB "…care”.¹"). `before` and `after` are the text either side of the cluster.
 */
export function placePunctuation(
  before: string,
  after: string,
  placement: CitationPlacement,
  punctuationInQuote: boolean,
): { before: string; after: string } {
  if (placement === 'in-text') {
    if (NOTE_MOVES.test(after)) return { before, after }
    const m = IN_TEXT_MOVES.exec(before)
    if (!m) return { before, after }
    const [, lead = '', mark = '', quote = '', space = ''] = m
    const kept = before.slice(0, m.index) + lead + quote
    const gap = !after || /^\s/.test(after) ? '' : space || ''
    return { before: kept, after: mark + gap + after }
  }
  const moved = NOTE_MOVES.exec(after)?.[0]
  if (!moved) {
    // "crisis. " then the mark: the mark belongs against the full stop, the space after it.
    const trailing = /([.,;:!?][”’"»]?)(\s+)$/.exec(before)
    if (!trailing) return { before, after }
    return { before: before.slice(0, before.length - trailing[2]!.length), after: /^\s/.test(after) || !after ? after : trailing[2] + after }
  }
  const rest = after.slice(moved.length)
  const trimmed = before.replace(/\s+$/, '')
  if (punctuationInQuote && CLOSING_QUOTE.test(trimmed) && /^[.,]+$/.test(moved)) {
    return { before: trimmed.slice(0, -1) + moved + trimmed.slice(-1), after: rest }
  }
  return { before: trimmed + moved, after: rest }
}
