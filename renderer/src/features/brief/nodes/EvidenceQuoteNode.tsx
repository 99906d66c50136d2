import type { JSX } from 'react'
import { $applyNodeReplacement, type DOMConversionMap, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot, SerializedEvidenceQuoteNode } from '@shared/dto/brief-nodes'
import { EvidenceQuoteView } from '../citations/EvidenceQuoteView'
import { CLAIM_SNAPSHOT_ATTRIBUTE, claimConversion, ClaimNode } from './ClaimNode'
import type { StoredNodeJSON } from './snapshot'

export type { SerializedEvidenceQuoteNode }

/** A claim's verbatim quote as its own block, with attribution; it counts as a citation for numbering. */
export class EvidenceQuoteNode extends ClaimNode<JSX.Element> {
  static override getType(): string {
    return 'evidence-quote'
  }

  static override clone(node: EvidenceQuoteNode): EvidenceQuoteNode {
    return new EvidenceQuoteNode(node.__snapshot, node.__key)
  }

  static override importJSON(json: StoredNodeJSON): EvidenceQuoteNode {
    return $applyNodeReplacement(new EvidenceQuoteNode()).updateFromJSON(json)
  }

  static override importDOM(): DOMConversionMap {
    return {
      blockquote: (element) =>
        element.hasAttribute(CLAIM_SNAPSHOT_ATTRIBUTE) ? { conversion: claimConversion($createEvidenceQuoteNode), priority: 2 } : null,
    }
  }

  constructor(snapshot?: CitationSnapshot, key?: NodeKey) {
    super(snapshot, key)
  }

  override exportJSON(): SerializedEvidenceQuoteNode {
    return { ...super.exportJSON(), type: 'evidence-quote', version: 1 }
  }

  override getTextContent(): string {
    return `“${this.getLatest().__snapshot.quote}” (${this.attribution()})`
  }

  override exportDOM(): DOMExportOutput {
    const element = this.markExported(document.createElement('blockquote'))
    element.textContent = this.getTextContent()
    return { element }
  }

  override decorate(): JSX.Element {
    return <EvidenceQuoteView nodeKey={this.__key} snapshot={this.__snapshot} />
  }
}

export function $createEvidenceQuoteNode(snapshot: CitationSnapshot): EvidenceQuoteNode {
  return $applyNodeReplacement(new EvidenceQuoteNode(snapshot))
}

export function $isEvidenceQuoteNode(node: LexicalNode | null | undefined): node is EvidenceQuoteNode {
  return node instanceof EvidenceQuoteNode
}
