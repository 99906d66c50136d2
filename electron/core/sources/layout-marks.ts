import type { NoteMarker } from '../../shared/dto/sources'

/**
 * Put before a note marker's digits by the PDF reader where the glyphs were raised and smaller, and taken
 * out again before the text is stored (takeLayoutMarks). A Unicode noncharacter: no font maps a glyph to it,
 * and the PDF's own text has it removed, so it can mean only this.
 */
export const LAYOUT_MARK = '\ufdd0'

const MARKED = /\ufdd0(\d{1,3}(?:[,–-]\d{1,3})*)?/g

/** The text without its marks, and where each marked marker now sits in it. */
export function takeLayoutMarks(text: string): { text: string; markers: NoteMarker[] } {
  if (!text.includes(LAYOUT_MARK)) return { text, markers: [] }
  const markers: NoteMarker[] = []
  let removed = 0
  const clean = text.replace(MARKED, (_match, digits: string | undefined, offset: number) => {
    removed++
    if (digits) {
      const start = offset - (removed - 1)
      markers.push({ start, end: start + digits.length, label: digits })
    }
    return digits ?? ''
  })
  return { text: clean, markers }
}
