/**
 * The DOM side of caret browsing: which points are readable text, where a text view's first and last such
 * points are, and the text between two points. A view names its text with a selector (the clean text's
 * paragraphs, a PDF's text layer); anything aria-hidden inside it (the "¶ 3" margin) is not text.
 */

export interface Point {
  node: Node
  offset: number
}

const HIDDEN = '[aria-hidden="true"]'

export function isTextPoint(root: Element, textSelector: string, node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement
  const text = el?.closest(textSelector)
  return !!text && root.contains(text) && !el!.closest(HIDDEN)
}

function readableTexts(root: Element, within: Node, textSelector: string): Text[] {
  const walker = root.ownerDocument.createTreeWalker(within, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n instanceof Text && n.length > 0 && isTextPoint(root, textSelector, n)) nodes.push(n)
  }
  return nodes
}

/** The first readable point of the view's text (last = false) or its last (last = true). */
export function textEdge(root: Element, textSelector: string, last: boolean): Point | null {
  const blocks = root.querySelectorAll(textSelector)
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[last ? blocks.length - 1 - i : i]!
    const texts = readableTexts(root, block, textSelector)
    const t = last ? texts[texts.length - 1] : texts[0]
    if (t) return { node: t, offset: last ? t.length : 0 }
  }
  return null
}

/**
 * Where a new caret starts: the first block that begins inside the view's visible area, or else (one block
 * fills the view) the first that reaches into it.
 */
export function firstVisiblePoint(root: Element, scroller: Element, textSelector: string): Point | null {
  const top = scroller.getBoundingClientRect().top
  const blocks = Array.from(root.querySelectorAll(textSelector))
  const start = (block: Element | undefined) => {
    const t = block && readableTexts(root, block, textSelector)[0]
    return t ? { node: t, offset: 0 } : null
  }
  return (
    start(blocks.find((b) => b.getBoundingClientRect().top >= top - 1)) ??
    start(blocks.find((b) => b.getBoundingClientRect().bottom > top + 1)) ??
    textEdge(root, textSelector, false)
  )
}

/** The readable text between two points, in either order (what the caret passed over). */
export function textBetween(root: Element, textSelector: string, a: Point, b: Point): string {
  const range = root.ownerDocument.createRange()
  range.setStart(a.node, a.offset)
  if (range.comparePoint(b.node, b.offset) >= 0) range.setEnd(b.node, b.offset)
  else {
    range.setStart(b.node, b.offset)
    range.setEnd(a.node, a.offset)
  }
  const within = range.commonAncestorContainer
  const texts = within instanceof Text ? (isTextPoint(root, textSelector, within) ? [within] : []) : readableTexts(root, within, textSelector)
  let out = ''
  let block: Element | null = null
  for (const t of texts) {
    if (!range.intersectsNode(t)) continue
    const from = t === range.startContainer ? range.startOffset : 0
    const to = t === range.endContainer ? range.endOffset : t.length
    // Blocks are separate paragraphs to a listener, though the DOM has no space between them.
    const here = t.parentElement!.closest(textSelector)
    if (out && here !== block && !/\s$/.test(out)) out += ' '
    block = here
    out += t.data.slice(from, to)
  }
  return out
}

/** Where the caret is drawn: the collapsed point's box (a text point always has one in Chromium). */
export function pointBox(point: Point): { left: number; top: number; height: number } | null {
  const range = point.node.ownerDocument!.createRange()
  range.setStart(point.node, point.offset)
  range.collapse(true)
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect()
  if (rect.height > 0) return { left: rect.left, top: rect.top, height: rect.height }
  const parent = point.node instanceof Element ? point.node : point.node.parentElement
  const box = parent?.getBoundingClientRect()
  return box && box.height > 0 ? { left: box.left, top: box.top, height: Math.min(box.height, 24) } : null
}
