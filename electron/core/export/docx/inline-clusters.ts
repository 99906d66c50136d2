import { clusterSpans } from '../../../shared/citation-clusters'
import { placePunctuation, type CitationPlacement } from '../../../shared/citation-punctuation'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import { isCitingNode } from '../../briefs/content'

export type InlinePiece = { kind: 'node'; node: SerializedLexicalNode } | { kind: 'cluster'; nodes: SerializedLexicalNode[] }

export function isInlineCitation(node: SerializedLexicalNode): boolean {
  return node.type === 'citation' && isCitingNode(node)
}

/**
 * A paragraph's inline nodes with side-by-side citations gathered into clusters and the sentence's
 * punctuation moved to where the style puts it (shared/citation-punctuation.ts). The brief itself is not
 * changed: the text nodes either side of a cluster are copied with their new text.
 */
export function arrangeInline(children: readonly SerializedLexicalNode[], placement: CitationPlacement, punctuationInQuote: boolean): InlinePiece[] {
  const nodes = children.slice()
  const spans = clusterSpans(nodes, isInlineCitation)
  const inserted = new Map<number, SerializedLexicalNode>()
  for (const span of spans) {
    const beforeAt = span.start - 1
    const afterAt = span.start + span.size
    const before = nodes[beforeAt]?.type === 'text' ? nodes[beforeAt]! : null
    const after = nodes[afterAt]?.type === 'text' ? nodes[afterAt]! : null
    const placed = placePunctuation(before?.text ?? '', after?.text ?? '', placement, punctuationInQuote)
    if (before && placed.before !== before.text) nodes[beforeAt] = { ...before, text: placed.before }
    if (after && placed.after !== after.text) nodes[afterAt] = { ...after, text: placed.after }
    // Nothing written after the cluster (the paragraph ends, or a link follows): the moved mark gets its own text.
    if (!after && placed.after) inserted.set(afterAt, { type: 'text', version: 1, text: placed.after, format: before?.format ?? 0 })
  }
  const pieces: InlinePiece[] = []
  let span = 0
  for (let i = 0; i <= nodes.length; i++) {
    const extra = inserted.get(i)
    if (extra) pieces.push({ kind: 'node', node: extra })
    if (i === nodes.length) break
    const open = spans[span]
    if (open && open.start === i) {
      pieces.push({ kind: 'cluster', nodes: nodes.slice(i, i + open.size) })
      i += open.size - 1
      span += 1
      continue
    }
    pieces.push({ kind: 'node', node: nodes[i]! })
  }
  return pieces
}
