import { cleanLine } from '../line-text'
import { takeLayoutMarks } from '../layout-marks'
import { isBarePageNumber } from '../normalise'
import type { VisualLine } from './pdf-lines'

/** Baselines this close (in points, or half the line's size if more) are the same place on the page. */
const SAME_PLACE = 3
/** Lines at the top or bottom of a page that can be running heads and footers: the outermost three baselines. */
const EDGE_BASELINES = 3

interface EdgeLine {
  page: number
  index: number
  y: number
  size: number
  text: string
  key: string
}

/** Text with its numbers (page numbers, dates) made alike: "Page 3 of 12" and "Page 4 of 12" repeat. */
const patternOf = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\b[ivxlc]+\b/g, '#')

function edgeLines(lines: VisualLine[], page: number): EdgeLine[] {
  const baselines = [...new Set(lines.filter((line) => !line.vertical).map((line) => line.y))].sort((a, b) => b - a)
  if (!baselines.length) return []
  const top = baselines[Math.min(EDGE_BASELINES, baselines.length) - 1]!
  const bottom = baselines[Math.max(0, baselines.length - EDGE_BASELINES)]!
  const edges: EdgeLine[] = []
  lines.forEach((line, index) => {
    if (line.vertical || (line.y < top && line.y > bottom)) return
    const text = cleanLine(takeLayoutMarks(line.text).text)
    if (text) edges.push({ page, index, y: line.y, size: line.size, text, key: patternOf(text) })
  })
  return edges
}

/** How many of `pages` hold this pattern at this place (the first page counted once). */
function pagesAtPlace(edge: EdgeLine, same: EdgeLine[], pages: (page: number) => boolean): number {
  const tolerance = Math.max(SAME_PLACE, edge.size * 0.5)
  return new Set(same.filter((other) => pages(other.page) && Math.abs(other.y - edge.y) <= tolerance).map((other) => other.page)).size
}

/**
 * Drops running heads, footers and page numbers: lines at the top or bottom of a page whose text (numbers
 * aside) stands at the same place on most pages, or on most of the odd or of the even pages (books and
 * journals alternate their heads), bare page numbers, and heads that end or start with the page's own label
 * ("Chapter 4: Function reference 11"), even when each chapter has its own.
 */
export function dropRunningLines(pages: VisualLine[][], labels: string[] = []): VisualLine[][] {
  const edges = pages.map(edgeLines)
  const byKey = new Map<string, EdgeLine[]>()
  for (const edge of edges.flat()) {
    const same = byKey.get(edge.key)
    if (same) same.push(edge)
    else byKey.set(edge.key, [edge])
  }
  const count = pages.length
  const most = (n: number) => Math.max(2, Math.ceil(n * 0.5))
  const parityPages = [Math.ceil(count / 2), Math.floor(count / 2)]
  return pages.map((lines, page) => {
    const label = labels[page] || String(page + 1)
    const drop = new Set<number>()
    for (const edge of edges[page]!) {
      const same = byKey.get(edge.key)!
      const repeated = count >= 3 && pagesAtPlace(edge, same, () => true) >= most(count)
      const parity = page % 2
      const alternating = count >= 4 && pagesAtPlace(edge, same, (other) => other % 2 === parity) >= most(parityPages[parity]!)
      const labelled =
        count >= 3 && edge.text.length <= 80 && (edge.text.endsWith(` ${label}`) || (same.length >= 2 && edge.text.startsWith(`${label} `)))
      if (isBarePageNumber(edge.text) || repeated || alternating || labelled) drop.add(edge.index)
    }
    return drop.size ? lines.filter((_, index) => !drop.has(index)) : lines
  })
}
