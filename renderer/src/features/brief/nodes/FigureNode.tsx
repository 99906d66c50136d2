import type { JSX } from 'react'
import { $applyNodeReplacement, type DOMConversionMap, type DOMConversionOutput, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical'
import type { SerializedFigureNode } from '@shared/dto/brief-nodes'
import { MAX_ALT_TEXT_CHARS, MAX_CAPTION_CHARS } from '@shared/limits'
import { FigureView } from '../figures/FigureView'
import { BriefDecoratorNode } from './BriefDecoratorNode'
import type { StoredNodeJSON } from './snapshot'

export type { SerializedFigureNode }

/** The attribute a figure's HTML carries, so a copy pasted into a brief of this project is the same figure again. */
export const FIGURE_ID_ATTRIBUTE = 'data-evident-figure'

export interface FigureFields {
  figureId: string
  altText: string
  caption: string
}

/** Stored JSON and pasted HTML are untrusted: wrong types become empty, over-long text is cut to the limits. */
function readFields(json: { figureId?: unknown; altText?: unknown; caption?: unknown }): FigureFields {
  const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')
  return { figureId: str(json.figureId, 64), altText: str(json.altText, MAX_ALT_TEXT_CHARS), caption: str(json.caption, MAX_CAPTION_CHARS) }
}

function convertFigure(element: HTMLElement): DOMConversionOutput {
  const figureId = element.getAttribute(FIGURE_ID_ATTRIBUTE) ?? ''
  if (!figureId) return { node: null }
  const altText = element.querySelector('img')?.getAttribute('alt') ?? ''
  const caption = element.querySelector('figcaption')?.getAttribute('data-caption') ?? ''
  return { node: $createFigureNode(readFields({ figureId, altText, caption })) }
}

/**
 * A picture stored in the project (figures.add), shown as a block with its alt text and optional caption.
 * The node holds the figure's id, never its bytes: the brief is saved every second and kept in revisions.
 */
export class FigureNode extends BriefDecoratorNode<JSX.Element> {
  __figureId: string
  __altText: string
  __caption: string

  static override getType(): string {
    return 'figure'
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode({ figureId: node.__figureId, altText: node.__altText, caption: node.__caption }, node.__key)
  }

  static override importJSON(json: StoredNodeJSON): FigureNode {
    return $applyNodeReplacement(new FigureNode()).updateFromJSON(json)
  }

  /** Only a figure Evident exported: a picture pasted from the web has no stored bytes, so it stays out. */
  static override importDOM(): DOMConversionMap {
    return {
      figure: (element) => (element.hasAttribute(FIGURE_ID_ATTRIBUTE) ? { conversion: convertFigure, priority: 2 } : null),
    }
  }

  constructor(fields: FigureFields = { figureId: '', altText: '', caption: '' }, key?: NodeKey) {
    super(key)
    this.__figureId = fields.figureId
    this.__altText = fields.altText
    this.__caption = fields.caption
  }

  override exportJSON(): SerializedFigureNode {
    return { ...super.exportJSON(), type: 'figure', version: 1, figureId: this.__figureId, altText: this.__altText, caption: this.__caption }
  }

  override updateFromJSON(json: StoredNodeJSON & { figureId?: unknown; altText?: unknown; caption?: unknown }): this {
    const node = super.updateFromJSON(json).getWritable()
    const fields = readFields(json)
    node.__figureId = fields.figureId
    node.__altText = fields.altText
    node.__caption = fields.caption
    return node
  }

  getFields(): FigureFields {
    const latest = this.getLatest()
    return { figureId: latest.__figureId, altText: latest.__altText, caption: latest.__caption }
  }

  setText(altText: string, caption: string): this {
    const writable = this.getWritable()
    writable.__altText = altText.slice(0, MAX_ALT_TEXT_CHARS)
    writable.__caption = caption.slice(0, MAX_CAPTION_CHARS)
    return writable
  }

  override getTextContent(): string {
    const { altText, caption } = this.getFields()
    return `[Figure: ${caption || altText}]`
  }

  /** The copy's HTML: the id (for a paste into this project), the alt text on the img and the caption. */
  override exportDOM(): DOMExportOutput {
    const { figureId, altText, caption } = this.getFields()
    const figure = document.createElement('figure')
    figure.setAttribute(FIGURE_ID_ATTRIBUTE, figureId)
    const img = document.createElement('img')
    img.setAttribute('alt', altText)
    figure.append(img)
    if (caption) {
      const figcaption = document.createElement('figcaption')
      figcaption.setAttribute('data-caption', caption)
      figcaption.textContent = caption
      figure.append(figcaption)
    }
    return { element: figure }
  }

  override decorate(): JSX.Element {
    return <FigureView nodeKey={this.__key} figureId={this.__figureId} altText={this.__altText} caption={this.__caption} />
  }
}

export function $createFigureNode(fields: FigureFields): FigureNode {
  return $applyNodeReplacement(new FigureNode(fields))
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode
}
