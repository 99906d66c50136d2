import { rangeBetween, type TextPoint } from '../../../ui/source-offsets'
import type { Span } from '../locate'

/** A page's text layer read as one string, with the text node each run of it lives in. */
export interface PageText {
  text: string
  nodes: { node: Text; start: number }[]
}

/** A rectangle as fractions of the page box: the same at every zoom. */
export interface PageRect {
  x: number
  y: number
  w: number
  h: number
}

export function readTextLayer(layer: HTMLElement): PageText {
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
  const nodes: PageText['nodes'] = []
  const parts: string[] = []
  let length = 0
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n instanceof Text)) continue
    nodes.push({ node: n, start: length })
    parts.push(n.data)
    length += n.length
  }
  return { text: parts.join(''), nodes }
}

function pointAt(page: PageText, offset: number, edge: 'start' | 'end'): TextPoint | null {
  for (let i = 0; i < page.nodes.length; i++) {
    const { node, start } = page.nodes[i]!
    const end = start + node.length
    if (edge === 'start' ? offset < end : offset <= end) return { node, offset: Math.max(0, offset - start) }
  }
  const last = page.nodes[page.nodes.length - 1]
  return last ? { node: last.node, offset: last.node.length } : null
}

/** The DOM range of a span of the page's text. */
export function rangeOf(page: PageText, span: Span): Range | null {
  return rangeBetween(pointAt(page, span.start, 'start'), pointAt(page, span.end, 'end'))
}

/** Where a DOM boundary point falls in the page's text (a point between runs counts the runs before it). */
export function offsetOf(page: PageText, node: Node, offset: number): number {
  const hit = page.nodes.find((n) => n.node === node)
  if (hit) return hit.start + offset
  const point = node.ownerDocument!.createRange()
  point.setStart(node, offset)
  let count = 0
  for (const n of page.nodes) {
    if (point.comparePoint(n.node, n.node.length) <= 0) count = n.start + n.node.length
    else break
  }
  return count
}

/** The range's rectangles as fractions of the page element, one per line, small slivers dropped. */
export function rectsOn(pageElement: HTMLElement, range: Range): PageRect[] {
  const box = pageElement.getBoundingClientRect()
  if (!box.width || !box.height) return []
  return Array.from(range.getClientRects())
    .filter((r) => r.width > 0.5 && r.height > 0.5)
    .map((r) => ({ x: (r.left - box.left) / box.width, y: (r.top - box.top) / box.height, w: r.width / box.width, h: r.height / box.height }))
}
