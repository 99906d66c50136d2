import { cleanLine } from '../line-text'
import { takeLayoutMarks } from '../layout-marks'
import type { VisualLine } from './pdf-lines'

export type { VisualLine } from './pdf-lines'

/** The usual distance between lines, taken over the whole document: one page may hold a single gap. */
export function usualSpacing(pages: VisualLine[][]): number {
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, i) => lines[i]!.y - line.y)).filter((gap) => gap > 0)
  // A low quantile, not the median: in short documents paragraph gaps can be half of all gaps.
  const usual = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 4)] ?? 0
  if (gaps.length >= 5) return usual
  // Too few lines to learn the spacing from: assume ordinary single spacing of the body text.
  const size = pages.flat()[0]?.size ?? 10
  return usual > 0 ? Math.min(usual, size * 1.3) : 0
}

/** Lines of one page, with "" where the vertical gap is wider than the usual line spacing. */
export function withParagraphGaps(lines: VisualLine[], usual: number): string[] {
  const out: string[] = []
  lines.forEach((line, i) => {
    const previous = lines[i - 1]
    if (previous) {
      const gap = previous.y - line.y
      if (gap < 0 || (usual > 0 && gap > usual * 1.5) || (usual === 0 && gap > line.size * 2)) out.push('')
    }
    out.push(line.text)
  })
  return out
}

/**
 * The largest text on a page (a report's title on its cover): the first run of up to three lines set in the
 * page's largest size, if that size stands out from the page's usual one. Undefined when nothing does.
 */
export function largestText(lines: VisualLine[]): string | undefined {
  const lettered = lines.filter((line) => /\p{L}{2}/u.test(line.text))
  if (lettered.length < 2) return undefined
  const sizes = lettered.map((line) => line.size).sort((a, b) => a - b)
  const usual = sizes[Math.floor(sizes.length / 2)]!
  const largest = sizes[sizes.length - 1]!
  if (largest < usual * 1.2) return undefined
  const first = lettered.findIndex((line) => line.size >= largest * 0.95)
  const run: string[] = []
  for (const line of lettered.slice(first, first + 3)) {
    if (line.size < largest * 0.95) break
    run.push(cleanLine(takeLayoutMarks(line.text).text))
  }
  const text = run.join(' ')
  return text.length <= 250 ? text : undefined
}
