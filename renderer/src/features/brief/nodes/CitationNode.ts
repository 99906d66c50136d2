import { $applyNodeReplacement, type DOMConversionMap, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot, SerializedCitationNode } from '@shared/dto/brief-nodes'
import { createCitationElement, updateCitationElement } from '../citations/citation-dom'
import { CLAIM_SNAPSHOT_ATTRIBUTE, claimConversion, ClaimNode } from './ClaimNode'
import type { StoredNodeJSON } from './snapshot'

export type { SerializedCitationNode }

/**
 * An inline citation of a claim. The live label ("1", "(Iacobucci 2014)") comes from the citation store,
 * never from the node, so renumbering never rewrites the document.
 *
 * A decorator without a React decoration: its label is plain DOM painted by CitationViewPlugin and its card
 * is the one shared CitationCardPlugin, because a React portal per citation made a brief with thousands of
 * them slow to open and to type in. Being a decorator keeps what the caret does with it: arrow keys select
 * it as a node, Backspace removes it whole.
 */
export class CitationNode extends ClaimNode<null> {
  static override getType(): string {
    return 'citation'
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__snapshot, node.__key)
  }

  static override importJSON(json: StoredNodeJSON): CitationNode {
    return $applyNodeReplacement(new CitationNode()).updateFromJSON(json)
  }

  // Our own HTML (another brief's copy that arrived without Lexical's clipboard format) becomes a citation again.
  static override importDOM(): DOMConversionMap {
    return {
      span: (element) => (element.hasAttribute(CLAIM_SNAPSHOT_ATTRIBUTE) ? { conversion: claimConversion($createCitationNode), priority: 2 } : null),
    }
  }

  constructor(snapshot?: CitationSnapshot, key?: NodeKey) {
    super(snapshot, key)
  }

  override exportJSON(): SerializedCitationNode {
    return { ...super.exportJSON(), type: 'citation', version: 1 }
  }

  override getTextContent(): string {
    return ` (${this.attribution()})`
  }

  override createDOM(): HTMLElement {
    return createCitationElement(this.__key, this.__snapshot)
  }

  override updateDOM(prevNode: CitationNode, dom: HTMLElement): false {
    const before = prevNode.__snapshot
    const after = this.__snapshot
    if (before.claimId !== after.claimId || before.statement !== after.statement) updateCitationElement(dom, after)
    return false
  }

  // Other apps get the short citation as text; a brief gets the node back from the snapshot attribute.
  override exportDOM(): DOMExportOutput {
    const element = this.markExported(document.createElement('span'))
    element.textContent = this.getTextContent()
    return { element }
  }

  // Inline, unlike the other claim-bearing node; arrow keys still select it whole (DecoratorNode's default).
  override isInline(): true {
    return true
  }

  override decorate(): null {
    return null
  }
}

export function $createCitationNode(snapshot: CitationSnapshot): CitationNode {
  return $applyNodeReplacement(new CitationNode(snapshot))
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode
}
