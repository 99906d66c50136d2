import type { JSX } from 'react'
import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot, SerializedEvidenceQuoteNode } from '../../../../../electron/shared/dto/brief-nodes'
import { EvidenceQuoteView } from '../citations/EvidenceQuoteView'
import { cloneSnapshot, readSnapshot, type StoredNodeJSON } from './snapshot'

export type { SerializedEvidenceQuoteNode }

/** A claim's verbatim quote as its own block, with attribution; it counts as a citation for numbering. */
export class EvidenceQuoteNode extends DecoratorNode<JSX.Element> {
  __snapshot: CitationSnapshot

  static override getType(): string {
    return 'evidence-quote'
  }

  static override clone(node: EvidenceQuoteNode): EvidenceQuoteNode {
    return new EvidenceQuoteNode(node.__snapshot, node.__key)
  }

  static override importJSON(json: StoredNodeJSON): EvidenceQuoteNode {
    return $createEvidenceQuoteNode(readSnapshot(json.snapshot, typeof json.claimId === 'string' ? json.claimId : ''))
  }

  constructor(snapshot: CitationSnapshot, key?: NodeKey) {
    super(key)
    this.__snapshot = cloneSnapshot(snapshot)
  }

  override exportJSON(): SerializedEvidenceQuoteNode {
    // Read straight off the node: the serialization walk hands us the current version already.
    const snapshot = this.__snapshot
    return { type: 'evidence-quote', version: 1, claimId: snapshot.claimId, snapshot: cloneSnapshot(snapshot) }
  }

  getClaimId(): string {
    return this.getLatest().__snapshot.claimId
  }

  getSnapshot(): CitationSnapshot {
    return this.getLatest().__snapshot
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div')
    div.className = 'brief-evidence-quote-host'
    return div
  }

  override updateDOM(): false {
    return false
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('blockquote')
    element.textContent = `“${this.__snapshot.quote}” (${this.__snapshot.shortCitation || this.__snapshot.sourceTitle})`
    return { element }
  }

  override isInline(): false {
    return false
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
