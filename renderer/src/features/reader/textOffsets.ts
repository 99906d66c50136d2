/**
 * The reader renders each run of source text as one element with data-seg and data-start (its offset in
 * SourceDetail.text) holding exactly one text node. These helpers map between DOM positions and offsets.
 */
const SEGMENT = '[data-seg]'

interface IndexedSegment {
  start: number
  end: number
  node: Text
}

export type SegmentIndex = IndexedSegment[]

export function buildSegmentIndex(root: ParentNode): SegmentIndex {
  const index: SegmentIndex = []
  for (const el of root.querySelectorAll<HTMLElement>(SEGMENT)) {
    const node = el.firstChild
    if (!(node instanceof Text)) continue
    const start = Number(el.dataset.start)
    index.push({ start, end: start + node.data.length, node })
  }
  return index
}

function locate(index: SegmentIndex, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0
  let hi = index.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const seg = index[mid]!
    const inside = preferEnd ? seg.start < offset && offset <= seg.end : seg.start <= offset && offset < seg.end
    if (inside) return { node: seg.node, offset: offset - seg.start }
    if (offset < seg.start || (offset === seg.start && preferEnd)) hi = mid - 1
    else lo = mid + 1
  }
  return null
}

/** A DOM Range over source text offsets start..end, or null when that text is not rendered. */
export function rangeFromIndex(index: SegmentIndex, start: number, end: number): Range | null {
  const a = locate(index, start, false)
  const b = locate(index, end, true)
  if (!a || !b) return null
  const range = document.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
}

/** The source text offset of a DOM point (a selection's anchor or focus), or null outside the text. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  if (node instanceof Text) {
    const seg = node.parentElement?.closest<HTMLElement>(SEGMENT)
    return seg ? Number(seg.dataset.start) + offset : null
  }
  if (!(node instanceof Element)) return null
  const seg = node.closest<HTMLElement>(SEGMENT)
  if (seg) return Number(seg.dataset.start) + (offset > 0 ? (seg.textContent ?? '').length : 0)
  // A point between elements: the first segment at or after it.
  const after = node.childNodes[offset]
  const next = after instanceof Element ? (after.matches(SEGMENT) ? after : after.querySelector(SEGMENT)) : null
  return next instanceof HTMLElement ? Number(next.dataset.start) : null
}

/** The text offsets a selection covers, in document order, or null if it is not inside source text. */
export function offsetsOfSelection(selection: Selection): { start: number; end: number } | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const start = offsetOfPoint(range.startContainer, range.startOffset)
  const end = offsetOfPoint(range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}
