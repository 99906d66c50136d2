// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type EditorState, type LexicalEditor } from 'lexical'
import { SERIALIZED_BRIEF_VERSION } from '@shared/dto/briefs'
import type { BlockJsonCache } from '../../renderer/src/features/brief/editor/block-json-cache'
import { $readBriefModel, briefModelCache } from '../../renderer/src/features/brief/model/brief-model'
import { headlessBriefEditor } from '../helpers/headless-brief-editor'
import { $createCitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'

/** What autosave sent before the cache: the whole brief through JSON.stringify. */
function wholeBrief(state: EditorState): string {
  return JSON.stringify({ format: 'evident-brief', version: SERIALIZED_BRIEF_VERSION, editorState: state.toJSON() })
}

function setup(): { editor: LexicalEditor; cache: BlockJsonCache; edit(fn: () => void): void; check(): void; checkModel(): void } {
  const { editor, cache, edit } = headlessBriefEditor('block-json')
  const models = briefModelCache()
  editor.registerUpdateListener((update) => models.invalidate(update))
  return {
    editor,
    cache,
    edit,
    check: () => expect(cache.serialize(editor.getEditorState())).toBe(wholeBrief(editor.getEditorState())),
    checkModel: () => editor.getEditorState().read(() => expect($readBriefModel(models)).toEqual($readBriefModel())),
  }
}

const citation = (n: number) =>
  $createCitationNode({ claimId: `c${n}`, statement: `Claim ${n}`, quote: `quote ${n}`, sourceId: 's1', sourceTitle: 'Source', shortCitation: 'Jones 2014', paragraph: n })

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

/** One random edit of the kinds an analyst makes: typing, a citation, a new paragraph (or heading), a removal, a move. */
function $randomEdit(next: () => number, step: number, headings = false): void {
  const blocks = $getRoot().getChildren()
  const block = blocks[Math.floor(next() * blocks.length)]!
  const choice = next()
  if (choice < 0.5 && $isElementNode(block)) {
    const text = block.getChildren().find($isTextNode)
    if (text) text.setTextContent(text.getTextContent() + 'x')
    else block.append($createTextNode('new'))
  } else if (choice < 0.65 && $isElementNode(block)) block.append(citation(step))
  else if (choice < 0.8) {
    const added = headings && next() < 0.5 ? $createHeadingNode(next() < 0.5 ? 'h2' : 'h3') : $createParagraphNode()
    block.insertAfter(added.append($createTextNode(`Added ${step}`)))
  } else if (choice < 0.9 && blocks.length > 2) block.remove()
  else if (block !== blocks[0]) blocks[0]!.insertBefore(block)
}

describe('autosave serialises only the blocks that changed, and sends exactly what a whole serialisation would', () => {
  it('matches JSON.stringify of the whole brief after typing, adding, removing, moving and nesting blocks', () => {
    const { edit, check } = setup()
    edit(() => {
      const list = $createListNode('bullet').append($createListItemNode().append($createTextNode('item')))
      $getRoot().append($createHeadingNode('h1').append($createTextNode('Title')), $createParagraphNode().append($createTextNode('One '), citation(1)), list)
    })
    check()
    check() // a second save with nothing changed joins cached blocks only
    edit(() => ($getRoot().getChildAtIndex(1) as ReturnType<typeof $createParagraphNode>).getFirstChildOrThrow<ReturnType<typeof $createTextNode>>().setTextContent('One changed '))
    check()
    edit(() => $getRoot().getFirstChildOrThrow().insertAfter($createParagraphNode().append($createTextNode('Inserted'))))
    check()
    edit(() => $getRoot().getLastChildOrThrow().remove())
    check()
    edit(() => {
      const first = $getRoot().getFirstChildOrThrow()
      $getRoot().getLastChildOrThrow().insertAfter(first)
    })
    check()
    edit(() => $getRoot().getChildAtIndex(1)!.remove())
    check()
  })

  it('matches after a whole state is swapped in (undo, a restored revision) and while it is warmed a little at a time', () => {
    const { editor, cache, edit, check } = setup()
    edit(() => {
      for (let i = 0; i < 40; i++) $getRoot().append($createParagraphNode().append($createTextNode(`Paragraph ${i} `), citation(i)))
    })
    const earlier = editor.getEditorState()
    check()
    edit(() => $getRoot().getFirstChildOrThrow().insertAfter($createParagraphNode().append($createTextNode('Later'))))
    check()
    editor.setEditorState(editor.parseEditorState(JSON.stringify(earlier.toJSON())))
    check()
    // Warming a slice, then an edit elsewhere, then the save.
    cache.warm(editor.getEditorState(), 0)
    edit(() => {
      const p = $getRoot().getChildAtIndex(20)
      if ($isElementNode(p)) p.append($createTextNode(' more'))
    })
    check()
  })

  it('matches after 300 random edits of text, citations and blocks', () => {
    const { edit, check } = setup()
    const next = random(7)
    edit(() => {
      for (let i = 0; i < 20; i++) $getRoot().append($createParagraphNode().append($createTextNode(`Block ${i}`)))
    })
    for (let step = 0; step < 300; step++) {
      edit(() => $randomEdit(next, step))
      if (step % 7 === 0) check()
    }
    check()
  })
})

describe('the outline and evidence pane re-read only the blocks that changed, and see what a whole read would', () => {
  it('matches a whole read after 300 random edits of text, citations, headings and blocks', () => {
    const { edit, checkModel } = setup()
    const next = random(11)
    edit(() => {
      $getRoot().append($createHeadingNode('h1').append($createTextNode('Title')))
      for (let i = 0; i < 20; i++) $getRoot().append((i % 5 === 0 ? $createHeadingNode('h2') : $createParagraphNode()).append($createTextNode(`Block ${i} words here`), citation(i)))
    })
    checkModel()
    for (let step = 0; step < 300; step++) {
      edit(() => $randomEdit(next, step, true))
      if (step % 5 === 0) checkModel()
    }
    checkModel()
  })
})
