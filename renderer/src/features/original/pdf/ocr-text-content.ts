import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api'
import type { OcrWord } from '@shared/dto/sources'

const FONT = 'ocr'
/** The share of a word's box above its baseline: the boxes are glyph boxes, descenders and all. */
const ASCENT = 0.8

function item(str: string, x1: number, y1: number, x2: number, y2: number, hasEOL: boolean): TextItem {
  const height = Math.max(1, y2 - y1)
  // A word's box as a pdf.js text run: its baseline a descent's height above the box's foot, its size the box's height.
  return { str, dir: 'ltr', width: Math.max(0, x2 - x1), height, transform: [height, 0, 0, height, x1, y1 + height * (1 - ASCENT)], fontName: FONT, hasEOL }
}

/**
 * A scanned page's OCR words as pdf.js text content, so the text layer over the scan is pdf.js's own (spans
 * stretched to each word's box) and everything that reads a text layer (marks, find, selections) reads it
 * the same. Words on a line are joined by a space run across the gap between them.
 */
export function ocrTextContent(lines: OcrWord[][]): TextContent {
  const items: TextItem[] = []
  for (const line of lines) {
    line.forEach(([text, x1, y1, x2, y2], i) => {
      const next = line[i + 1]
      items.push(item(text, x1, y1, x2, y2, !next))
      if (next) items.push(item(' ', x2, Math.min(y1, next[2]), Math.max(x2, next[1]), Math.max(y2, next[4]), false))
    })
  }
  return { items, styles: { [FONT]: { fontFamily: 'sans-serif', ascent: ASCENT, descent: ASCENT - 1, vertical: false } }, lang: null }
}
