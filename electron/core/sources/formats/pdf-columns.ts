import type { VisualLine } from './pdf-lines'

/** Fewer lines than this on a page are not enough to tell columns from a few short lines. */
const MIN_COLUMN_LINES = 3

interface Placed extends VisualLine {
  x: number
  right: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/**
 * Where a page's text splits into two columns: the left edge of the right-hand column, or null. Prose in
 * columns fills them, so both sides' lines must be long for their column (a table's short cells do not count),
 * and nearly every line must keep to one side (a title or a footer may span both).
 */
function gutterOf(lines: Placed[]): number | null {
  const left = Math.min(...lines.map((line) => line.x))
  const width = Math.max(...lines.map((line) => line.right)) - left
  if (width <= 0) return null
  const starts = new Map<number, number>()
  for (const line of lines) {
    if (line.x <= left + width * 0.3 || line.x >= left + width * 0.7) continue
    const at = Math.round(line.x)
    starts.set(at, (starts.get(at) ?? 0) + 1)
  }
  const [gutter, count] = [...starts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0]
  if (count < MIN_COLUMN_LINES) return null
  const rightSide = lines.filter((line) => line.x >= gutter - 1)
  const leftSide = lines.filter((line) => line.right < gutter - 1)
  if (leftSide.length < MIN_COLUMN_LINES || leftSide.length + rightSide.length < lines.length * 0.8) return null
  const long = (side: Placed[], columnWidth: number) => median(side.map((line) => line.right - line.x)) >= columnWidth * 0.6
  return long(leftSide, gutter - left) && long(rightSide, left + width - gutter) ? gutter : null
}

/**
 * A page's lines in reading order when it is set in two columns: the left column top to bottom, then the
 * right, with any line spanning both (a title, a figure caption) closing the columns above it. A page in one
 * column, or of vertical writing, keeps the order its PDF gave. Typesetters that draw the page row by row
 * across both columns otherwise interleave the two texts line by line.
 */
export function inColumnOrder(lines: VisualLine[]): VisualLine[] {
  const placed = lines.filter((line): line is Placed => line.x !== undefined && line.right !== undefined && !line.vertical)
  if (placed.length !== lines.length || placed.length < MIN_COLUMN_LINES * 2) return lines
  const gutter = gutterOf(placed)
  if (gutter === null) return lines
  const ordered: VisualLine[] = []
  let leftColumn: Placed[] = []
  let rightColumn: Placed[] = []
  const closeColumns = () => {
    ordered.push(...leftColumn, ...rightColumn)
    leftColumn = []
    rightColumn = []
  }
  // Top to bottom; a stable sort keeps the PDF's order along one baseline.
  for (const line of [...placed].sort((a, b) => b.y - a.y)) {
    if (line.x >= gutter - 1) rightColumn.push(line)
    else if (line.right < gutter - 1) leftColumn.push(line)
    else {
      closeColumns()
      ordered.push(line)
    }
  }
  closeColumns()
  return ordered
}
