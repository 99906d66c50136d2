import { $getRoot, $isElementNode, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot } from '../../../../../electron/shared/dto/brief-nodes'
import type { FormattedCitations } from '../../../../../electron/shared/dto/citations'
import { $isCitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import type { Numbering, StyleKind } from './citation-store'

export interface CitationUse {
  nodeKey: NodeKey
  snapshot: CitationSnapshot
}

/** Citations and evidence quotes in document order (call inside read/update). */
export function $collectCitations(): CitationUse[] {
  const uses: CitationUse[] = []
  const visit = (node: LexicalNode): void => {
    if ($isCitationNode(node) || $isEvidenceQuoteNode(node)) uses.push({ nodeKey: node.getKey(), snapshot: node.getSnapshot() })
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child)
  }
  visit($getRoot())
  return uses
}

/** Changes only when the citations or their order change, so typing plain text never re-runs the style. */
export function citationSignature(uses: CitationUse[]): string {
  return uses.map((u) => `${u.nodeKey}:${u.snapshot.claimId}`).join('|')
}

function sourceKey(s: CitationSnapshot): string {
  return s.sourceId ?? `claim:${s.claimId}`
}

function shortOf(s: CitationSnapshot): string {
  return s.shortCitation || s.sourceTitle || 'Unknown source'
}

/**
 * What the brief shows when the style cannot be run: numbers in order of first appearance per source
 * (what Vancouver does) or "(Author Year)" for author-date styles, and short citations as the references.
 */
export function fallbackNumbering(uses: CitationUse[], kind: StyleKind): Numbering {
  const numbers = new Map<string, number>()
  const references: Numbering['references'] = []
  const labels = new Map<NodeKey, string>()
  for (const use of uses) {
    const key = sourceKey(use.snapshot)
    if (!numbers.has(key)) {
      numbers.set(key, numbers.size + 1)
      const title = use.snapshot.sourceTitle && use.snapshot.sourceTitle !== use.snapshot.shortCitation ? `. ${use.snapshot.sourceTitle}` : ''
      references.push({ sourceId: key, text: `${shortOf(use.snapshot)}${title}` })
    }
    labels.set(use.nodeKey, kind === 'numeric' ? String(numbers.get(key)) : `(${shortOf(use.snapshot)})`)
  }
  if (kind !== 'numeric') references.sort((a, b) => a.text.localeCompare(b.text))
  return { labels, references, kind, fallback: true }
}

/** Maps the style's labels (one per requested claim id, in order) back onto the nodes that asked. */
export function numberingFromFormat(uses: CitationUse[], result: FormattedCitations): Numbering | null {
  if (result.labels.length !== uses.length) return null
  const labels = new Map<NodeKey, string>()
  uses.forEach((use, i) => labels.set(use.nodeKey, result.labels[i] ?? ''))
  return { labels, references: result.references, kind: result.kind, fallback: false }
}
