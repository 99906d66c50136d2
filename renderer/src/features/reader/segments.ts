import type { NoteMarker, Paragraph } from '@shared/dto/sources'

export interface TextSpan {
  start: number
  end: number
}

export interface Mark extends TextSpan {
  current: boolean
}

/** A run of a paragraph's text that renders as one element holding one text node. */
export interface Segment extends TextSpan {
  text: string
  note?: string
  mark?: 'match' | 'current'
}

function covering<T extends TextSpan>(spans: T[], at: number): T | undefined {
  return spans.find((s) => s.start <= at && at < s.end)
}

/**
 * Cuts a paragraph at note markers and find matches. Every segment keeps its offset into the source text,
 * so a DOM selection maps back to text offsets (see ui/source-offsets.ts).
 */
export function paragraphSegments(text: string, paragraph: Paragraph, notes: NoteMarker[], marks: Mark[] = []): Segment[] {
  const { start, end } = paragraph
  const cuts = new Set([start, end])
  for (const span of [...notes, ...marks]) {
    if (span.start > start && span.start < end) cuts.add(span.start)
    if (span.end > start && span.end < end) cuts.add(span.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const segment: Segment = { start: a, end: b, text: text.slice(a, b) }
    const note = covering(notes, a)
    if (note) segment.note = note.label
    const mark = covering(marks, a)
    if (mark) segment.mark = mark.current ? 'current' : 'match'
    segments.push(segment)
  }
  return segments
}

/** Groups note markers by the paragraph that holds them, in one pass over both sorted lists. */
export function notesByParagraph(paragraphs: Paragraph[], notes: NoteMarker[]): Map<number, NoteMarker[]> {
  const sorted = [...notes].sort((a, b) => a.start - b.start)
  const map = new Map<number, NoteMarker[]>()
  let i = 0
  for (const p of paragraphs) {
    while (i < sorted.length && sorted[i]!.start < p.start) i++
    const here: NoteMarker[] = []
    while (i < sorted.length && sorted[i]!.end <= p.end) here.push(sorted[i++]!)
    if (here.length) map.set(p.number, here)
  }
  return map
}
