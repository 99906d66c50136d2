import type { JSX } from 'react'
import { $applyNodeReplacement, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { SerializedReferencesNode } from '@shared/dto/brief-nodes'
import { ReferencesView } from '../citations/ReferencesView'
import { BriefDecoratorNode } from './BriefDecoratorNode'
import type { StoredNodeJSON } from './snapshot'

export type { SerializedReferencesNode }

/**
 * Where the reference list goes. It holds no text: the list is generated from the citations by the style,
 * so the analyst can never type into it or let it drift from the citations above.
 */
export class ReferencesNode extends BriefDecoratorNode<JSX.Element> {
  static override getType(): string {
    return 'references'
  }

  static override clone(node: ReferencesNode): ReferencesNode {
    return new ReferencesNode(node.__key)
  }

  static override importJSON(_json: StoredNodeJSON): ReferencesNode {
    return $createReferencesNode()
  }

  constructor(key?: NodeKey) {
    super(key)
  }

  override exportJSON(): SerializedReferencesNode {
    return { ...super.exportJSON(), type: 'references', version: 1 }
  }

  override exportDOM(): DOMExportOutput {
    return { element: null }
  }

  // Isolated: a caret cannot step into it or delete it by Backspace/Delete from a neighbouring block.
  override isIsolated(): boolean {
    return true
  }

  override isKeyboardSelectable(): boolean {
    return false
  }

  override decorate(): JSX.Element {
    return <ReferencesView />
  }
}

export function $createReferencesNode(): ReferencesNode {
  return $applyNodeReplacement(new ReferencesNode())
}

export function $isReferencesNode(node: LexicalNode | null | undefined): node is ReferencesNode {
  return node instanceof ReferencesNode
}
