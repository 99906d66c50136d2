import type { SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import { SECTION_ROLE_KEY, type SectionRole } from '../../shared/dto/section-roles'

/** Small builders for serialized Lexical nodes, so templates and the starter brief read like documents. */
export function text(value: string, format = 0): SerializedLexicalNode {
  return { type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' }
}

function element(type: string, children: SerializedLexicalNode[], extra: Record<string, unknown> = {}): SerializedLexicalNode {
  return { type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra }
}

/** A heading; a section's h2 carries its role as Lexical node state (`$`), as the editor stores it. */
export function heading(tag: 'h1' | 'h2' | 'h3' | 'h4', value: string, role?: SectionRole): SerializedLexicalNode {
  return element('heading', value ? [text(value)] : [], { tag, ...(role ? { $: { [SECTION_ROLE_KEY]: role } } : {}) })
}

export function paragraph(...children: (SerializedLexicalNode | string)[]): SerializedLexicalNode {
  return element(
    'paragraph',
    children.map((c) => (typeof c === 'string' ? text(c) : c)),
    { textFormat: 0, textStyle: '' },
  )
}

export function bulletList(items: (SerializedLexicalNode | string)[][]): SerializedLexicalNode {
  return element(
    'list',
    items.map((children, i) =>
      element('listitem', children.map((c) => (typeof c === 'string' ? text(c) : c)), { value: i + 1, checked: undefined }),
    ),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )
}

export function referencesNode(): SerializedLexicalNode {
  return { type: 'references', version: 1 }
}

export function root(children: SerializedLexicalNode[]): { root: SerializedLexicalNode } {
  return { root: element('root', children) }
}

/** Depth-first walk over a serialized tree. */
export function* walk(node: SerializedLexicalNode | undefined): Generator<SerializedLexicalNode> {
  if (!node) return
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

export function plainText(node: SerializedLexicalNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'linebreak') return '\n'
  return (node.children ?? []).map(plainText).join('')
}
