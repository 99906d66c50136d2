import { $createTextNode, $getNodeByKey, type LexicalNode, type NodeKey } from 'lexical'
import { $isCitationNode, type CitationNode } from '../nodes/CitationNode'

/**
 * The cluster a citation stands in: it and the citations side by side with it (nothing between), in order.
 * Empty for anything but an inline citation (an evidence quote is a cluster of its own and never grows).
 */
export function $clusterMembers(key: NodeKey): CitationNode[] {
  const node = $getNodeByKey(key)
  if (!$isCitationNode(node)) return []
  let first: CitationNode = node
  for (let p = first.getPreviousSibling(); $isCitationNode(p); p = p.getPreviousSibling()) first = p
  const members: CitationNode[] = []
  for (let n: LexicalNode | null = first; $isCitationNode(n); n = n.getNextSibling()) members.push(n)
  return members
}

/** One place earlier (-1) or later (1) in its cluster: the order a style without a sort prints. */
export function $moveInCluster(key: NodeKey, by: -1 | 1): boolean {
  const node = $getNodeByKey(key)
  if (!$isCitationNode(node)) return false
  const other = by < 0 ? node.getPreviousSibling() : node.getNextSibling()
  if (!$isCitationNode(other)) return false
  if (by < 0) other.insertBefore(node)
  else other.insertAfter(node)
  return true
}

/** Two clusters from one, before this citation: a space between them, as typing one does. */
export function $splitClusterBefore(key: NodeKey): boolean {
  const node = $getNodeByKey(key)
  if (!$isCitationNode(node) || !$isCitationNode(node.getPreviousSibling())) return false
  node.insertBefore($createTextNode(' '))
  return true
}

/** The caret just after the cluster's last citation, where a citation inserted joins the cluster. */
export function $selectAfterCluster(key: NodeKey): boolean {
  const last = $clusterMembers(key).at(-1)
  const parent = last?.getParent()
  if (!last || !parent) return false
  const at = last.getIndexWithinParent() + 1
  parent.select(at, at)
  return true
}
