/** One run of a page's text with where it sits: a text-layer span, or a pdf.js text item. */
export interface Piece {
  top: number
  left: number
  rtl: boolean
  text: string
}

/**
 * A page's runs in reading order. pdf.js keeps the order a PDF drew them in, and a right-to-left line is
 * usually drawn from its left end: its words come out last word first. Such a line (most of its runs right to
 * left) is read from its right edge instead, as the importer stores it, so a quote found in the clean text is
 * found on the page too. Runs whose tops differ by more than `tolerance` are on different lines.
 */
export function readingOrder<T extends Piece>(pieces: T[], tolerance: number): T[] {
  const ordered: T[] = []
  let line: T[] = []
  const flush = () => {
    const rtl = line.filter((p) => p.rtl).length
    const ltr = line.filter((p) => !p.rtl && /\S/.test(p.text)).length
    ordered.push(...(rtl > ltr ? [...line].sort((a, b) => b.left - a.left) : line))
    line = []
  }
  for (const piece of pieces) {
    if (line.length && !(Math.abs(piece.top - line[0]!.top) <= tolerance)) flush()
    line.push(piece)
  }
  flush()
  return ordered
}
