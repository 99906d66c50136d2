import { caretFromPoint } from '@lexical/clipboard'
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type NodeKey,
} from 'lexical'

export interface SavedPoint {
  key: NodeKey
  offset: number
  type: 'text' | 'element'
}

/** A caret position that outlives an await (fetching a claim, a picker being open). */
export interface SavedRange {
  anchor: SavedPoint
  focus: SavedPoint
}

/** The current range selection as plain data (call inside read/update). */
export function $saveSelection(): SavedRange | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const point = (p: typeof selection.anchor): SavedPoint => ({ key: p.key, offset: p.offset, type: p.type })
  return { anchor: point(selection.anchor), focus: point(selection.focus) }
}

function valid(p: SavedPoint): boolean {
  const node = $getNodeByKey(p.key)
  if (!node || !node.isAttached()) return false
  if (p.type === 'text') return $isTextNode(node) && p.offset <= node.getTextContentSize()
  return $isElementNode(node) && p.offset <= node.getChildrenSize()
}

/** Puts a saved caret back if the text it pointed into still exists; false when it is gone. */
export function $restoreSelection(saved: SavedRange | null): boolean {
  if (!saved || !valid(saved.anchor) || !valid(saved.focus)) return false
  const selection = $createRangeSelection()
  selection.anchor.set(saved.anchor.key, saved.anchor.offset, saved.anchor.type)
  selection.focus.set(saved.focus.key, saved.focus.offset, saved.focus.type)
  $setSelection(selection)
  return true
}

/** The caret under the pointer (a drop), as a saved range; null when the point is not over text. */
export function $rangeAtPoint(x: number, y: number, root: HTMLElement | null): SavedRange | null {
  const hit = caretFromPoint(x, y, root)
  if (!hit || (root && !root.contains(hit.node))) return null
  const node = $getNearestNodeFromDOMNode(hit.node)
  if (!node) return null
  let point: SavedPoint
  if ($isTextNode(node)) point = { key: node.getKey(), offset: Math.min(hit.offset, node.getTextContentSize()), type: 'text' }
  else if ($isElementNode(node)) point = { key: node.getKey(), offset: Math.min(hit.offset, node.getChildrenSize()), type: 'element' }
  else {
    // A decorator or line break: land just after it, in its parent.
    const parent = node.getParent()
    if (!parent) return null
    point = { key: parent.getKey(), offset: node.getIndexWithinParent() + 1, type: 'element' }
  }
  return { anchor: point, focus: { ...point } }
}
