// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, PASTE_COMMAND } from 'lexical'
import { forbiddenInClipboard, registerForbiddenCharacters } from '../../renderer/src/features/brief/editor/ForbiddenCharactersPlugin'
import { $pasteSanitisedHtml } from '../../renderer/src/features/brief/editor/PastePlugin'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'

function briefEditor() {
  const editor = createEditor({ namespace: 'forbidden', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  const root = document.createElement('div')
  root.contentEditable = 'true'
  document.body.appendChild(root)
  editor.setRootElement(root)
  const notices: number[] = []
  registerForbiddenCharacters(editor, (n) => notices.push(n))
  editor.update(() => $getRoot().clear().append($createParagraphNode()).selectEnd(), { discrete: true })
  return { editor, notices, text: () => editor.getEditorState().read(() => $getRoot().getTextContent()) }
}

/** What a paste event's clipboardData answers, as the browser hands it over. */
function clipboard(data: Record<string, string>): Pick<DataTransfer, 'getData' | 'types'> {
  return { getData: (type: string) => data[type] ?? '', types: Object.keys(data) }
}

describe('characters a Word file cannot carry never reach the brief', () => {
  it('pasted HTML holding U+FFFE, U+FFFF and a bell keeps its words and loses only those characters, with a notice', () => {
    const { editor, notices, text } = briefEditor()
    const html = '<p>GP\uFFFE numbers\uFFFF fell\u0007 by 5%.</p>'
    const event = { clipboardData: clipboard({ 'text/html': html, 'text/plain': 'GP\uFFFE numbers\uFFFF fell\u0007 by 5%.' }) } as unknown as ClipboardEvent
    // The notice listens to the paste; the brief's own paste handler (the allowlist) then inserts the HTML.
    editor.update(() => {
      editor.dispatchCommand(PASTE_COMMAND, event)
      $pasteSanitisedHtml(editor, html)
    }, { discrete: true })
    expect(text()).toBe('GP numbers fell by 5%.')
    expect(notices).toEqual([3])
  })

  it('a text node given a lone surrogate and a form feed is cleaned, and the caret stays after the typed words', () => {
    const { editor, text } = briefEditor()
    editor.update(() => {
      const node = $createTextNode('ab\uD800cd\u000Cef')
      $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().append(node)
      node.select(8, 8)
    }, { discrete: true })
    expect(text()).toBe('abcdef')
    editor.getEditorState().read(() => {
      const selection = $getSelection()
      expect($isRangeSelection(selection) && selection.anchor.offset).toBe(6)
    })
  })

  it('keeps tabs, newlines, emoji (proper surrogate pairs) and ordinary text as they are', () => {
    const { editor, notices, text } = briefEditor()
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().append($createTextNode('Care 👩‍⚕️ in Wales — ¶ 5'))
    }, { discrete: true })
    expect(text()).toBe('Care 👩‍⚕️ in Wales — ¶ 5')
    expect(forbiddenInClipboard(clipboard({ 'text/plain': 'a\tb\nc\r\n👩‍⚕️' }))).toBe(0)
    expect(notices).toEqual([])
  })
})
