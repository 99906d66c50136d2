import type { NoteMarker, Paragraph } from '../../shared/dto/sources'
import { stripXmlForbidden } from '../../shared/xml-chars'
import type { Block } from './extracted'
import { findNoteMarkers } from './note-markers'

export const PARAGRAPH_SEPARATOR = '\n\n'

export interface AssembledText {
  text: string
  paragraphs: Paragraph[]
  noteMarkers: NoteMarker[]
}

/**
 * Joins blocks into the one text that anchors point into, numbering paragraphs from 1. Characters XML cannot
 * carry are removed here, the one place every importer's text passes, so no quote can hold one.
 */
export function assembleText(blocks: Block[], markersFromLayout = false): AssembledText {
  const paragraphs: Paragraph[] = []
  const layoutMarkers: NoteMarker[] = []
  let text = ''
  for (const block of blocks) {
    const body = stripXmlForbidden(block.text).trim()
    if (!body) continue
    if (text) text += PARAGRAPH_SEPARATOR
    const start = text.length
    text += body
    const paragraph: Paragraph = { number: paragraphs.length + 1, kind: block.kind, text: body, start, end: text.length }
    if (block.page !== undefined) paragraph.page = block.page
    paragraphs.push(paragraph)
    // Offsets into the block's text hold only if nothing was taken out of it here.
    if (body === block.text) for (const m of block.markers ?? []) layoutMarkers.push({ ...m, start: start + m.start, end: start + m.end })
  }
  return { text, paragraphs, noteMarkers: findNoteMarkers(text, markersFromLayout ? layoutMarkers : undefined) }
}

/** The paragraph holding a text offset (binary search: sources can have thousands of paragraphs). */
export function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0
  let hi = paragraphs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const p = paragraphs[mid]!
    if (offset < p.start) hi = mid - 1
    else if (offset > p.end) lo = mid + 1
    else return p
  }
  return paragraphs[Math.min(lo, paragraphs.length - 1)]
}
