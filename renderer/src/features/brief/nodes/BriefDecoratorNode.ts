import { DecoratorNode } from 'lexical'

/**
 * What the brief's decorator nodes share (the Lexical playground's DecoratorBlockNode, without its alignment
 * field, which would change the stored brief): Lexical keeps only an empty host element, `brief-<type>-host`,
 * which the decoration fills, so the host never needs updating; and the node is a block of its own. The
 * citation is the one inline node and paints its own host (CitationNode).
 */
export abstract class BriefDecoratorNode<T> extends DecoratorNode<T> {
  override createDOM(): HTMLElement {
    const host = document.createElement('div')
    host.className = `brief-${this.getType()}-host`
    return host
  }

  override updateDOM(_prevNode: unknown, _dom: HTMLElement): boolean {
    return false
  }

  override isInline(): boolean {
    return false
  }
}
