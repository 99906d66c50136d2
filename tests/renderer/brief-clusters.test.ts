// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, $isTextNode, createEditor, type LexicalEditor, type ParagraphNode } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { $clusterMembers, $moveInCluster, $selectAfterCluster, $splitClusterBefore } from '../../renderer/src/features/brief/citations/cluster-edit'
import { $placeAllPunctuation, registerCitationPunctuation, type PunctuationRule } from '../../renderer/src/features/brief/citations/punctuation'
import { $createCitationNode, $isCitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'

const snap = (claimId: string): CitationSnapshot => ({ claimId, statement: `Statement ${claimId}`, quote: 'q', sourceId: `s-${claimId}`, sourceTitle: 'T', shortCitation: 'Jones 2014', paragraph: 1 })
const IN_TEXT: PunctuationRule = { placement: 'in-text', punctuationInQuote: false }
const NOTES: PunctuationRule = { placement: 'note', punctuationInQuote: false }

function briefEditor(rule: { current: PunctuationRule }) {
  const editor = createEditor({ namespace: 'punctuation', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  const root = document.createElement('div')
  root.contentEditable = 'true'
  document.body.appendChild(root)
  editor.setRootElement(root)
  registerCitationPunctuation(editor, () => rule.current)
  editor.update(() => $getRoot().clear().append($createParagraphNode()), { discrete: true })
  return editor
}

/** The paragraph as the analyst reads it, each citation shown as [c]. */
const shown = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getFirstChildOrThrow<ParagraphNode>()
      .getChildren()
      .map((n) => ($isCitationNode(n) ? '[c]' : n.getTextContent()))
      .join(''),
  )
const paragraph = () => $getRoot().getFirstChildOrThrow<ParagraphNode>()
const caret = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return null
    const node = selection.anchor.getNode()
    return $isTextNode(node) ? { text: node.getTextContent(), offset: selection.anchor.offset } : null
  })

describe('the editor shows punctuation where the export puts it', () => {
  it('Harvard: a citation inserted after the full stop takes the stop after it, and the caret goes on after the stop', () => {
    const editor = briefEditor({ current: IN_TEXT })
    editor.update(() => {
      const after = $createTextNode(' Medical students')
      paragraph().append($createTextNode('the crisis.'), $createCitationNode(snap('a')), after)
      after.select(0, 0)
    }, { discrete: true })
    expect(shown(editor)).toBe('the crisis[c]. Medical students')
    expect(caret(editor)).toEqual({ text: '. Medical students', offset: 1 })
  })

  it('Harvard: a paragraph that ends with its citation gets the full stop after it; a side-by-side cluster moves as one', () => {
    const editor = briefEditor({ current: IN_TEXT })
    editor.update(() => paragraph().append($createTextNode('practices,'), $createCitationNode(snap('a')), $createCitationNode(snap('b'))), { discrete: true })
    expect(shown(editor)).toBe('practices[c][c],')
  })

  it('notes: a full stop typed after the note mark goes before it, the caret after the mark', () => {
    const editor = briefEditor({ current: NOTES })
    editor.update(() => paragraph().append($createTextNode('the crisis'), $createCitationNode(snap('a'))), { discrete: true })
    editor.update(() => {
      const typed = $createTextNode('.')
      paragraph().append(typed)
      typed.select(1, 1)
    }, { discrete: true })
    expect(shown(editor)).toBe('the crisis.[c]')
    // Typing on goes after the mark.
    editor.update(() => {
      const selection = $getSelection()
      if ($isRangeSelection(selection)) selection.insertText(' More')
    }, { discrete: true })
    expect(shown(editor)).toBe('the crisis.[c] More')
  })

  it('a question mark stays where the analyst put it, and switching the brief to notes moves every mark back', () => {
    const rule = { current: IN_TEXT }
    const editor = briefEditor(rule)
    editor.update(() => paragraph().append($createTextNode('Why?'), $createCitationNode(snap('a')), $createTextNode(' Then the crisis.'), $createCitationNode(snap('b'))), { discrete: true })
    expect(shown(editor)).toBe('Why?[c] Then the crisis[c].')
    rule.current = NOTES
    editor.update(() => $placeAllPunctuation(NOTES), { discrete: true })
    expect(shown(editor)).toBe('Why?[c] Then the crisis.[c]')
  })

  it('en-US notes put the full stop inside closing quotation marks', () => {
    const editor = briefEditor({ current: { placement: 'note', punctuationInQuote: true } })
    editor.update(() => paragraph().append($createTextNode('called it “the jewel”'), $createCitationNode(snap('a')), $createTextNode('. Next')), { discrete: true })
    expect(shown(editor)).toBe('called it “the jewel.”[c] Next')
  })
})

describe('editing a cluster from its card', () => {
  const ids = (editor: LexicalEditor, key: string) => editor.getEditorState().read(() => $clusterMembers(key).map((n) => n.getSnapshot().claimId))

  it('moves a citation within its cluster, splits the cluster with a space, and puts the caret at its end', () => {
    const editor = briefEditor({ current: IN_TEXT })
    let keys: string[] = []
    editor.update(() => {
      const nodes = ['a', 'b', 'c'].map((id) => $createCitationNode(snap(id)))
      paragraph().append($createTextNode('the crisis'), ...nodes, $createTextNode('.'))
      keys = nodes.map((n) => n.getKey())
    }, { discrete: true })
    expect(ids(editor, keys[1]!)).toEqual(['a', 'b', 'c'])
    editor.update(() => void $moveInCluster(keys[2]!, -1), { discrete: true })
    expect(ids(editor, keys[0]!)).toEqual(['a', 'c', 'b'])
    // Nothing to move past: the first stays first.
    editor.update(() => expect($moveInCluster(keys[0]!, -1)).toBe(false), { discrete: true })
    editor.update(() => void $splitClusterBefore(keys[1]!), { discrete: true })
    expect(ids(editor, keys[0]!)).toEqual(['a', 'c'])
    expect(ids(editor, keys[1]!)).toEqual(['b'])
    expect(shown(editor)).toBe('the crisis[c][c] [c].')
    // Add to a cluster: the caret goes right after its last citation, so what is inserted there joins it.
    editor.update(() => {
      $selectAfterCluster(keys[0]!)
      const selection = $getSelection()
      if ($isRangeSelection(selection)) selection.insertNodes([$createCitationNode(snap('d'))])
    }, { discrete: true })
    expect(ids(editor, keys[0]!)).toEqual(['a', 'c', 'd'])
  })
})
