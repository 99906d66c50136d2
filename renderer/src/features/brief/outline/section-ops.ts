import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $isTextNode, type LexicalNode, type NodeKey } from 'lexical'
import { $isReferencesNode } from '../nodes/ReferencesNode'

const LEVELS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }
const BODY = 99

function levelOf(node: LexicalNode | null): number {
  return $isHeadingNode(node) ? (LEVELS[node.getTag()] ?? BODY) : BODY
}

function $heading(key: NodeKey): LexicalNode | null {
  const node = $getNodeByKey(key)
  return $isHeadingNode(node) && node.getParent() === $getRoot() ? node : null
}

/** A heading and everything under it, up to the next heading of the same or a higher rank. */
export function $rangeOf(heading: LexicalNode): LexicalNode[] {
  const level = levelOf(heading)
  const nodes = [heading]
  for (let n = heading.getNextSibling(); n && levelOf(n) > level; n = n.getNextSibling()) nodes.push(n)
  return nodes
}

/** The neighbouring heading of the same rank within the same parent section, if any. */
function $neighbour(heading: LexicalNode, direction: 'up' | 'down'): LexicalNode | null {
  const level = levelOf(heading)
  for (let n = direction === 'up' ? heading.getPreviousSibling() : heading.getNextSibling(); n; n = direction === 'up' ? n.getPreviousSibling() : n.getNextSibling()) {
    const l = levelOf(n)
    if (l < level) return null
    if (l === level) return n
  }
  return null
}

/** Moves a section (with all its content) above or below its neighbour; false when it cannot move. */
export function $moveSection(key: NodeKey, direction: 'up' | 'down'): boolean {
  const heading = $heading(key)
  const other = heading && $neighbour(heading, direction)
  if (!heading || !other) return false
  const [moving, before] = direction === 'up' ? [$rangeOf(heading), other] : [$rangeOf(other), heading]
  for (const node of moving) before.insertBefore(node)
  return true
}

/** Drag in the outline: moves a section so it starts just before another of the same rank. */
export function $moveSectionBefore(key: NodeKey, targetKey: NodeKey): boolean {
  const heading = $heading(key)
  const target = $heading(targetKey)
  if (!heading || !target || heading === target || levelOf(heading) !== levelOf(target)) return false
  const moving = $rangeOf(heading)
  if (moving.includes(target)) return false
  for (const node of moving) target.insertBefore(node)
  return true
}

export function $removeSection(key: NodeKey): boolean {
  const heading = $heading(key)
  if (!heading) return false
  for (const node of $rangeOf(heading)) node.remove()
  if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode())
  return true
}

export function $renameSection(key: NodeKey, title: string): boolean {
  const heading = $heading(key)
  if (!$isHeadingNode(heading)) return false
  const first = heading.getFirstChild()
  // Keep the heading's own text node (and its formatting) when there is one.
  if ($isTextNode(first) && heading.getChildrenSize() === 1) first.setTextContent(title)
  else heading.clear().append($createTextNode(title))
  return true
}

/** Adds a section before References (which stays last), or at the end; returns the new heading's key. */
export function $addSection(title: string): NodeKey {
  const heading = $createHeadingNode('h2').append($createTextNode(title))
  const paragraph = $createParagraphNode()
  const references = $getRoot()
    .getChildren()
    .find((n) => $isHeadingNode(n) && n.getTag() === 'h2' && $rangeOf(n).some($isReferencesNode))
  if (references) {
    references.insertBefore(heading)
    references.insertBefore(paragraph)
  } else $getRoot().append(heading, paragraph)
  return heading.getKey()
}

/** Adds a sub-section (an option, with Benefits and Risks) at the end of a section. */
export function $addSubsection(sectionKey: NodeKey, title: string): NodeKey | null {
  const section = $heading(sectionKey)
  if (!section) return null
  const last = $rangeOf(section).at(-1)!
  const sub = (tag: HeadingTagType, text: string) => $createHeadingNode(tag).append($createTextNode(text))
  const nodes = [sub('h3', title), $createParagraphNode(), sub('h4', 'Benefits'), $createParagraphNode(), sub('h4', 'Risks'), $createParagraphNode()]
  let after = last
  for (const node of nodes) {
    after.insertAfter(node)
    after = node
  }
  return nodes[0]!.getKey()
}

/** Sets the brief's title heading (h1), adding one at the top if the analyst removed it. */
export function $setTitle(title: string): void {
  const h1 = $getRoot()
    .getChildren()
    .find((n) => $isHeadingNode(n) && n.getTag() === 'h1')
  if (h1) $renameSection(h1.getKey(), title)
  else {
    const heading = $createHeadingNode('h1').append($createTextNode(title))
    const first = $getRoot().getFirstChild()
    if (first) first.insertBefore(heading)
    else $getRoot().append(heading)
  }
}
