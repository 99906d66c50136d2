// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor, type NodeKey } from 'lexical'
import { $readBriefModel } from '../../renderer/src/features/brief/model/brief-model'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { $createReferencesNode } from '../../renderer/src/features/brief/nodes/ReferencesNode'
import { $addSection, $moveSection, $moveSectionBefore, $removeSection, $renameSection } from '../../renderer/src/features/brief/outline/section-ops'

/** Title, Background (one paragraph), Options (two h3 options), The problem, References. */
function setup(): { editor: LexicalEditor; keys: Record<string, NodeKey> } {
  const editor = createEditor({ namespace: 'o', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  const keys: Record<string, NodeKey> = {}
  const h = (tag: 'h1' | 'h2' | 'h3', text: string) => {
    const node = $createHeadingNode(tag).append($createTextNode(text))
    keys[text] = node.getKey()
    return node
  }
  const p = (text: string) => $createParagraphNode().append($createTextNode(text))
  editor.update(
    () =>
      $getRoot().append(
        h('h1', 'Title'),
        h('h2', 'Background'),
        p('bg text'),
        h('h2', 'Options'),
        h('h3', 'Option 1'),
        p('one'),
        h('h3', 'Option 2'),
        p('two'),
        h('h2', 'The problem'),
        p('problem text'),
        h('h2', 'References'),
        $createReferencesNode(),
      ),
    { discrete: true },
  )
  return { editor, keys }
}

const outline = (editor: LexicalEditor) => editor.getEditorState().read(() => $readBriefModel().sections.map((s) => [s.title, ...s.children.map((c) => `  ${c.title}`)]).flat())
const text = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent() || n.getType()))
const run = (editor: LexicalEditor, f: () => unknown) => editor.update(() => void f(), { discrete: true })

describe('restructuring a brief from the outline', () => {
  it('reads sections, options and word counts', () => {
    const { editor } = setup()
    expect(outline(editor)).toEqual(['Background', 'Options', '  Option 1', '  Option 2', 'The problem', 'References'])
    const model = editor.getEditorState().read($readBriefModel)
    expect(model.sections[0]).toMatchObject({ title: 'Background', words: 2 })
    expect(model.totalWords).toBe(16)
  })

  it('moves a section down and up with everything under it (Alt+ArrowDown / Alt+ArrowUp)', () => {
    const { editor, keys } = setup()
    run(editor, () => $moveSection(keys['Background']!, 'down'))
    expect(text(editor)).toEqual(['Title', 'Options', 'Option 1', 'one', 'Option 2', 'two', 'Background', 'bg text', 'The problem', 'problem text', 'References', 'references'])
    run(editor, () => $moveSection(keys['Background']!, 'up'))
    expect(outline(editor)[0]).toBe('Background')
    let moved = true
    run(editor, () => (moved = $moveSection(keys['Background']!, 'up')))
    expect(moved).toBe(false)
  })

  it('moves an option only among the options', () => {
    const { editor, keys } = setup()
    run(editor, () => $moveSection(keys['Option 2']!, 'up'))
    expect(outline(editor)).toEqual(['Background', 'Options', '  Option 2', '  Option 1', 'The problem', 'References'])
    let moved = true
    run(editor, () => (moved = $moveSection(keys['Option 2']!, 'up')))
    expect(moved).toBe(false)
  })

  it('drags a section before another, renames, removes and adds (new sections go before References)', () => {
    const { editor, keys } = setup()
    run(editor, () => $moveSectionBefore(keys['The problem']!, keys['Background']!))
    expect(outline(editor).slice(0, 2)).toEqual(['The problem', 'Background'])
    run(editor, () => $renameSection(keys['Background']!, 'Context'))
    run(editor, () => $removeSection(keys['Options']!))
    run(editor, () => $addSection('Recommendations'))
    expect(outline(editor)).toEqual(['The problem', 'Context', 'Recommendations', 'References'])
    expect(text(editor)).not.toContain('one')
  })
})

describe('counts and shape', () => {
  it('estimates pages from words at about 500 a page', async () => {
    const { estimatedPages } = await import('../../renderer/src/features/brief/model/brief-model')
    expect(estimatedPages(0)).toBe('about 0 pages')
    expect(estimatedPages(500)).toBe('about 1 page')
    expect(estimatedPages(1_260)).toBe('about 2.5 pages')
    expect(estimatedPages(12_400)).toBe('about 25 pages')
  })
})
