import type { PageViewport } from 'pdfjs-dist'
import type { PdfRect } from '@shared/dto/claims'
import { MAX_PDF_RECTS } from '@shared/limits'
import type { PageRect } from './page-text'

/** Rectangles whose middles are within each other's height are one line of the quote. */
function sameLine(a: PageRect, b: PageRect): boolean {
  const mid = (r: PageRect) => r.y + r.h / 2
  return Math.abs(mid(a) - mid(b)) < Math.min(a.h, b.h) / 2
}

/** One rectangle per line (a line's text layer runs give one each), the parts off the page dropped. */
export function lineRects(rects: PageRect[]): PageRect[] {
  const lines: PageRect[] = []
  for (const r of rects) {
    if (r.x >= 1 || r.y >= 1 || r.x + r.w <= 0 || r.y + r.h <= 0) continue
    const line = lines.find((l) => sameLine(l, r))
    if (!line) {
      lines.push({ ...r })
      continue
    }
    const right = Math.max(line.x + line.w, r.x + r.w)
    const bottom = Math.max(line.y + line.h, r.y + r.h)
    line.x = Math.min(line.x, r.x)
    line.y = Math.min(line.y, r.y)
    line.w = right - line.x
    line.h = bottom - line.y
  }
  return lines
}

const round = (v: number) => Math.round(v * 100) / 100

/**
 * A page's rectangles (fractions of its box, as the view places marks) in the page's PDF user space, one per
 * line: what a claim's anchor keeps, the same at every zoom. Null when nothing is left on the page, or more
 * lines than an anchor may keep.
 */
export function toUserSpace(viewport: PageViewport, rects: PageRect[]): PdfRect[] | null {
  const lines = lineRects(rects)
  if (!lines.length || lines.length > MAX_PDF_RECTS) return null
  return lines.map((r) => {
    const [x1, y1] = viewport.convertToPdfPoint(r.x * viewport.width, r.y * viewport.height) as [number, number]
    const [x2, y2] = viewport.convertToPdfPoint((r.x + r.w) * viewport.width, (r.y + r.h) * viewport.height) as [number, number]
    return [round(Math.min(x1, x2)), round(Math.min(y1, y2)), round(Math.max(x1, x2)), round(Math.max(y1, y2))]
  })
}

/** An anchor's rectangles back as fractions of the page box at this viewport (its rotation included). */
export function fromUserSpace(viewport: PageViewport, rects: readonly PdfRect[]): PageRect[] {
  return rects.map((rect) => {
    const [a, b, c, d] = viewport.convertToViewportRectangle(rect) as [number, number, number, number]
    const x = Math.min(a, c)
    const y = Math.min(b, d)
    return { x: x / viewport.width, y: y / viewport.height, w: Math.abs(c - a) / viewport.width, h: Math.abs(d - b) / viewport.height }
  })
}
