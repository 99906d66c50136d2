import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot, SerializedCitationNode } from '../../../../../electron/shared/dto/brief-nodes'
import { createCitationElement, updateCitationElement } from '../citations/citation-dom'
import { cloneSnapshot, readSnapshot, type StoredNodeJSON } from './snapshot'

export type { SerializedCitationNode }

/**
 * An inline citation of a claim. It stores a snapshot of the claim so the brief still reads (and exports)
 * if the claim is later deleted; the live label ("1", "(Iacobucci 2014)") comes from the citation store,
 * never from the node, so renumbering never rewrites the document.
 *
 * A decorator without a React decoration: its label is plain DOM painted by CitationViewPlugin and its card
 * is the one shared CitationCardPlugin, because a React portal per citation made a brief with thousands of
 * them slow to open and to type in. Being a decorator keeps what the caret does with it: arrow keys select
 * it as a node, Backspace removes it whole.
 */
export class CitationNode extends DecoratorNode<null> {
  __snapshot: CitationSnapshot

  static override getType(): string {
    return 'citation'
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__snapshot, node.__key)
  }

  static override importJSON(json: StoredNodeJSON): CitationNode {
    return $createCitationNode(readSnapshot(json.snapshot, typeof json.claimId === 'string' ? json.claimId : ''))
  }

  constructor(snapshot: CitationSnapshot, key?: NodeKey) {
    super(key)
    this.__snapshot = cloneSnapshot(snapshot)
  }

  override exportJSON(): SerializedCitationNode {
    // Read straight off the node: the serialization walk hands us the current version already.
    const snapshot = this.__snapshot
    return { type: 'citation', version: 1, claimId: snapshot.claimId, snapshot: cloneSnapshot(snapshot) }
  }

  getClaimId(): string {
    return this.getLatest().__snapshot.claimId
  }

  getSnapshot(): CitationSnapshot {
    return this.getLatest().__snapshot
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

  // Other apps get the short citation as text; the Lexical clipboard keeps the node itself.
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('span')
    element.setAttribute('data-claim-id', this.__snapshot.claimId)
    element.textContent = ` (${this.__snapshot.shortCitation || this.__snapshot.sourceTitle})`
    return { element }
  }

  override isInline(): true {
    return true
  }

  override isKeyboardSelectable(): boolean {
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
