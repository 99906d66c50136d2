import { rangeBetween, type TextPoint } from '../../../ui/source-offsets'
import type { Span } from '../locate'
import { readingOrder } from './reading-order'

/** A page's text layer read as one string, with the text node each run of it lives in. */
export interface PageText {
  text: string
  /** In reading order, which is the layer's own order but on right-to-left lines drawn from their left end. */
  nodes: { node: Text; start: number }[]
  /** Whether the nodes are in the layer's own order (so one DOM range covers any span of the text). */
  inOrder: boolean
}

/** A rectangle as fractions of the page box: the same at every zoom. */
export interface PageRect {
  x: number
  y: number
  w: number
  h: number
}

/** Text-layer spans sit at percentages of the page box; tops this close are one line. */
const SAME_LINE = 0.5

export function readTextLayer(layer: HTMLElement): PageText {
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT)
  const pieces: { node: Text; top: number; left: number; rtl: boolean; text: string }[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n instanceof Text)) continue
    const span = n.parentElement
    pieces.push({ node: n, top: parseFloat(span?.style.top ?? ''), left: parseFloat(span?.style.left ?? ''), rtl: span?.dir === 'rtl', text: n.data })
  }
  const ordered = readingOrder(pieces, SAME_LINE)
  const nodes: PageText['nodes'] = []
  let length = 0
  for (const { node } of ordered) {
    nodes.push({ node, start: length })
    length += node.length
  }
  return { text: ordered.map((piece) => piece.text).join(''), nodes, inOrder: ordered.every((piece, i) => piece === pieces[i]) }
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

/**
 * The DOM ranges of a span of the page's text: one, or where the page was reordered (right-to-left lines)
 * one for each text node's part of it, since its start may come after its end in the layer.
 */
export function rangesOf(page: PageText, span: Span): Range[] {
  if (page.inOrder) {
    const range = rangeBetween(pointAt(page, span.start, 'start'), pointAt(page, span.end, 'end'))
    return range ? [range] : []
  }
  const ranges: Range[] = []
  for (const { node, start } of page.nodes) {
    const from = Math.max(span.start, start) - start
    const to = Math.min(span.end, start + node.length) - start
    if (to <= from) continue
    const range = node.ownerDocument.createRange()
    range.setStart(node, from)
    range.setEnd(node, to)
    ranges.push(range)
  }
  return ranges
}

/** The span of the page's text a DOM selection covers: every text node it touches, each by the part selected. */
export function selectedSpan(page: PageText, range: Range): Span | null {
  let start = Infinity
  let end = -Infinity
  for (const { node, start: at } of page.nodes) {
    if (!range.intersectsNode(node)) continue
    const from = node === range.startContainer ? range.startOffset : 0
    const to = node === range.endContainer ? range.endOffset : node.length
    if (to <= from) continue
    start = Math.min(start, at + from)
    end = Math.max(end, at + to)
  }
  return end > start ? { start, end } : null
}

/** The range's rectangles as fractions of the page element, one per line, small slivers dropped. */
export function rectsOn(pageElement: HTMLElement, range: Range): PageRect[] {
  const box = pageElement.getBoundingClientRect()
  if (!box.width || !box.height) return []
  return Array.from(range.getClientRects())
    .filter((r) => r.width > 0.5 && r.height > 0.5)
    .map((r) => ({ x: (r.left - box.left) / box.width, y: (r.top - box.top) / box.height, w: r.width / box.width, h: r.height / box.height }))
}
