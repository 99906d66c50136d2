// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html'
import { $getRoot, $insertNodes, createEditor, type LexicalEditor } from 'lexical'
import type { SerializedFigureNode } from '@shared/dto/brief-nodes'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { $createFigureNode, $isFigureNode, FigureNode } from '../../renderer/src/features/brief/nodes/FigureNode'
import { requireNodes } from '../../renderer/src/features/brief/nodes/require-nodes'

const fields = { figureId: 'f1', altText: 'Bar chart: the share rose from 20% to 90%.', caption: 'GP practices in integrated care' }

const editor = (nodes = [...BRIEF_NODES]): LexicalEditor => createEditor({ namespace: 'test', nodes, onError: (e) => { throw e } })

function figuresOf(e: LexicalEditor) {
  return e.getEditorState().read(() => $getRoot().getChildren().filter($isFigureNode).map((n) => n.getFields()))
}

describe('the figure node', () => {
  it('writes exactly { type, version: 1, figureId, altText, caption } and reads it back unchanged', () => {
    const a = editor()
    a.update(() => $getRoot().clear().append($createFigureNode(fields)), { discrete: true })
    const json = JSON.stringify(a.getEditorState().toJSON())
    const written = (JSON.parse(json) as { root: { children: unknown[] } }).root.children[0]
    const expected: SerializedFigureNode = { type: 'figure', version: 1, ...fields }
    expect(written).toStrictEqual(expected)
    const b = editor()
    b.setEditorState(b.parseEditorState(json))
    expect(b.getEditorState().toJSON().root.children[0]).toStrictEqual(written)
  })

  it('reads damaged stored JSON as empty fields and cuts over-long alt text, rather than failing the brief', () => {
    const a = editor()
    const damaged = { type: 'figure', version: 1, figureId: 7, altText: 'x'.repeat(5000), caption: null }
    const state = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [damaged] } }
    a.setEditorState(a.parseEditorState(JSON.stringify(state)))
    const [figure] = figuresOf(a)
    expect(figure).toEqual({ figureId: '', altText: 'x'.repeat(1000), caption: '' })
  })

  it('copies as <figure> HTML carrying its id, alt text and caption, and a paste of it is the same figure', () => {
    const a = editor()
    a.update(() => $getRoot().clear().append($createFigureNode(fields)), { discrete: true })
    const html = a.getEditorState().read(() => $generateHtmlFromNodes(a, null))
    expect(html).toContain('data-evident-figure="f1"')
    expect(html).toContain(`alt="${fields.altText}"`)
    const b = editor()
    b.update(
      () => {
        $getRoot().clear()
        $getRoot().selectEnd()
        $insertNodes($generateNodesFromDOM(b, new DOMParser().parseFromString(html, 'text/html')))
      },
      { discrete: true },
    )
    expect(figuresOf(b)).toEqual([fields])
  })

  it('a picture pasted from a web page does not become a figure: it has no picture stored in the project', () => {
    const b = editor()
    b.update(
      () => {
        $getRoot().clear()
        $getRoot().selectEnd()
        const dom = new DOMParser().parseFromString('<figure><img src="https://example.org/x.png" alt="x"><figcaption>From the web</figcaption></figure>', 'text/html')
        $insertNodes($generateNodesFromDOM(b, dom))
      },
      { discrete: true },
    )
    expect(figuresOf(b)).toEqual([])
  })

  it('a plugin run in an editor without the figure node says so at once', () => {
    expect(() => requireNodes(editor(BRIEF_NODES.filter((n) => n !== FigureNode)), 'FigurePlugin', [FigureNode])).toThrow('FigurePlugin: the editor does not register FigureNode; create it with BRIEF_NODES.')
  })
})
