/**
 * Maps between DOM positions in the reader and offsets in SourceDetail.text: the one mapper, used by the
 * reader's find and by the claims layer (selections, highlights, clicks).
 *
 * The reader gives each paragraph (and each run of text inside it, note-marker superscripts included) a
 * `data-start`: the offset of its first character in the source text. So a point's offset is the
 * `data-start` of the nearest such element plus the characters of text before the point inside it.
 * Text shown for display only (the "¶ 3" margin, which is aria-hidden) is not source text and is skipped.
 */

export interface SourceSpan {
  start: number
  end: number
}

const ANCHOR = '[data-start]'
/** Parts of the reader that are not the clean text at all (the Original view beside it): selections and clicks there are theirs. */
export const OUTSIDE_TEXT = '[data-offset-ignore]'
const NOT_TEXT = `[aria-hidden="true"], ${OUTSIDE_TEXT}`

const startOf = (el: Element): number => Number(el.getAttribute('data-start'))

function isSourceText(node: Text): boolean {
  return !node.parentElement?.closest(NOT_TEXT)
}

function textNodes(root: Node): Text[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text && isSourceText(node)) nodes.push(node)
  return nodes
}

/** The outermost `data-start` elements inside the container: the paragraphs. */
export function paragraphsIn(container: Element): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(ANCHOR)).filter((el) => {
    const outer = el.parentElement?.closest(ANCHOR)
    return !outer || !container.contains(outer)
  })
}

/** 1-based paragraph number from the reader's `id="p-<n>"` on the paragraph holding a node. */
export function paragraphNumberAt(container: Element, node: Node): number | null {
  const el = node instanceof Element ? node : node.parentElement
  const para = el?.closest('[id^="p-"]')
  const match = para && container.contains(para) ? /^p-(\d+)$/.exec(para.id) : null
  return match ? Number(match[1]) : null
}

const textLength = (el: Element): number => textNodes(el).reduce((sum, t) => sum + t.length, 0)

/** Characters of source text inside `el` that come before the boundary point (node, offset). */
function charsBefore(el: Element, node: Node, offset: number): number {
  const point = el.ownerDocument.createRange()
  point.setStart(node, offset)
  let count = 0
  for (const text of textNodes(el)) {
    if (text === node) return count + offset
    // comparePoint is -1 when (text, its end) lies before the point: the whole node precedes it.
    if (point.comparePoint(text, text.length) <= 0) count += text.length
    else break
  }
  return count
}

/**
 * A point outside every `data-start` element (between paragraphs, on the container, or outside the
 * reader) is pulled inward: a start to the next paragraph's beginning, an end to the previous one's end.
 */
function pointOffset(container: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const el = node instanceof Element ? node : node.parentElement
  const anchor = el?.closest(ANCHOR)
  if (anchor && container.contains(anchor)) return startOf(anchor) + charsBefore(anchor, node, offset)
  const paragraphs = paragraphsIn(container)
  const range = container.ownerDocument.createRange()
  for (const p of edge === 'start' ? paragraphs : [...paragraphs].reverse()) {
    range.selectNodeContents(p)
    const where = range.comparePoint(node, offset)
    if (edge === 'start' && where <= 0) return startOf(p)
    if (edge === 'end' && where >= 0) return startOf(p) + textLength(p)
  }
  return null
}

/** Whether a node lies in a part of the reader that is not source text (see OUTSIDE_TEXT). */
export function isOutsideText(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement
  return !!el?.closest(OUTSIDE_TEXT)
}

/** The source-text span a DOM range covers, or null when it touches no paragraph of this reader. */
export function rangeToSpan(container: Element, range: Range): SourceSpan | null {
  if (!range.intersectsNode(container) || isOutsideText(range.commonAncestorContainer)) return null
  const start = pointOffset(container, range.startContainer, range.startOffset, 'start')
  const end = pointOffset(container, range.endContainer, range.endOffset, 'end')
  if (start === null || end === null || !Number.isFinite(start) || !Number.isFinite(end) || end < start) return null
  return { start, end }
}

/** The source offset under a point on screen, for clicks on highlighted passages. */
export function offsetAtPoint(container: Element, x: number, y: number): number | null {
  const doc = container.ownerDocument
  // caretPositionFromPoint is the standard; older Chromium (and so older Electron) has only caretRangeFromPoint.
  const position = typeof doc.caretPositionFromPoint === 'function' ? doc.caretPositionFromPoint(x, y) : null
  if (position) return container.contains(position.offsetNode) ? pointOffset(container, position.offsetNode, position.offset, 'start') : null
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y)
  if (!legacy || !container.contains(legacy.startContainer)) return null
  return pointOffset(container, legacy.startContainer, legacy.startOffset, 'start')
}

interface IndexedText {
  start: number
  node: Text
}

/** Every rendered text node with its source offset, in document order: built once per highlight pass. */
export function buildTextIndex(container: Element): IndexedText[] {
  const seen = new Map<Element, number>()
  const index: IndexedText[] = []
  for (const node of textNodes(container)) {
    const anchor = node.parentElement?.closest(ANCHOR)
    if (!anchor || !container.contains(anchor)) continue
    index.push({ start: startOf(anchor) + (seen.get(anchor) ?? 0), node })
    // Outer anchors count their nested anchors' text too, so text after a superscript lands right.
    for (let a: Element | null | undefined = anchor; a && container.contains(a); a = a.parentElement?.closest(ANCHOR)) {
      seen.set(a, (seen.get(a) ?? 0) + node.length)
    }
  }
  return index
}

/** First index whose entry satisfies `ok`, for a predicate that is false and then true along the index. */
function firstWhere(index: IndexedText[], ok: (t: IndexedText) => boolean): number {
  let lo = 0
  let hi = index.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ok(index[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** A place in a text node, as a DOM boundary point. */
export interface TextPoint {
  node: Text
  offset: number
}

/** The DOM range from one text point to another; null when either is missing. */
export function rangeBetween(from: TextPoint | null, to: TextPoint | null): Range | null {
  if (!from || !to) return null
  const range = from.node.ownerDocument.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

function locate(index: IndexedText[], offset: number, edge: 'start' | 'end'): TextPoint | null {
  if (edge === 'start') {
    // The first text that ends after the offset: a start at a node's very end belongs to the next node.
    const t = index[firstWhere(index, (e) => e.start + e.node.length > offset)]
    return t ? { node: t.node, offset: Math.max(0, offset - t.start) } : null
  }
  // The last text that begins before the offset.
  const t = index[firstWhere(index, (e) => e.start >= offset) - 1]
  return t ? { node: t.node, offset: Math.min(t.node.length, offset - t.start) } : null
}

/** A DOM range for a source span, clipped to the text on screen; null when none of it is rendered. */
export function spanToRange(index: IndexedText[], span: SourceSpan): Range | null {
  const range = rangeBetween(locate(index, span.start, 'start'), locate(index, span.end, 'end'))
  return range?.collapsed ? null : range
}
