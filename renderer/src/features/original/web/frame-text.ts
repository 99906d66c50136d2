import { compact, type Compact } from '../compact'
import type { Span } from '../locate'

/** The words of the frame's page as one string, with the text node each piece of it lies in. */
export interface FrameText {
  full: string
  nodes: Text[]
  starts: number[]
  compact: Compact
}

export function indexFrameText(body: HTMLElement): FrameText {
  const doc = body.ownerDocument
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    // A placeholder's words ("Image not loaded") are ours, not the page's.
    acceptNode: (node) => (node.parentElement?.closest('[data-evident-blocked]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  const nodes: Text[] = []
  const starts: number[] = []
  const parts: string[] = []
  let length = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data
    nodes.push(node as Text)
    starts.push(length)
    parts.push(text)
    length += text.length
  }
  const full = parts.join('')
  return { full, nodes, starts, compact: compact(full) }
}

/** The index of the text node holding offset `at` of `full`. */
export function nodeIndexAt(text: FrameText, at: number): number {
  let lo = 0
  let hi = text.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (text.starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface FrameMark extends Span {
  make(doc: Document): HTMLElement
}

/**
 * Wraps each span of the page's text in the element it makes. Spans that overlap one already marked are left
 * out (the first keeps its place); each text node is cut from its end backwards, so the offsets of the cuts
 * still to make stay where they were.
 */
export function wrapSpans(text: FrameText, marks: FrameMark[]): void {
  const sorted = [...marks].sort((a, b) => a.start - b.start)
  const cuts = new Map<number, { from: number; to: number; mark: FrameMark; group: HTMLElement[] }[]>()
  let end = -1
  for (const mark of sorted) {
    if (mark.start < end || mark.end <= mark.start) continue
    end = mark.end
    const group: HTMLElement[] = []
    for (let i = nodeIndexAt(text, mark.start); i < text.nodes.length && text.starts[i]! < mark.end; i++) {
      const from = Math.max(0, mark.start - text.starts[i]!)
      const to = Math.min(text.nodes[i]!.data.length, mark.end - text.starts[i]!)
      if (to <= from || !text.nodes[i]!.data.slice(from, to).trim()) continue
      const list = cuts.get(i) ?? []
      list.push({ from, to, mark, group })
      cuts.set(i, list)
    }
  }
  for (const [i, list] of cuts) {
    const node = text.nodes[i]!
    for (const cut of list.sort((a, b) => b.from - a.from)) {
      const range = node.ownerDocument.createRange()
      range.setStart(node, cut.from)
      range.setEnd(node, cut.to)
      const element = cut.mark.make(node.ownerDocument)
      range.surroundContents(element)
      cut.group.push(element)
    }
  }
}
