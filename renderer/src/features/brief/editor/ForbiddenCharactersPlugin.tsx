import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND, TextNode, type LexicalEditor, type PointType } from 'lexical'
import { countXmlForbidden, hasXmlForbidden, stripXmlForbidden } from '@shared/xml-chars'
import { useToast } from '../../../ui/Toast'

const CLIPBOARD_TYPES = ['text/plain', 'text/html', 'application/x-lexical-editor']

/** How many characters a .docx cannot carry the clipboard brings, counted in the richest format it offers. */
export function forbiddenInClipboard(data: Pick<DataTransfer, 'getData'>): number {
  return Math.max(0, ...CLIPBOARD_TYPES.map((type) => countXmlForbidden(data.getData(type) ?? '')))
}

function keepPoint(point: PointType, key: string, text: string): void {
  if (point.key !== key || point.type !== 'text') return
  const removed = countXmlForbidden(text.slice(0, point.offset))
  point.offset = Math.max(0, point.offset - removed)
}

/** Removes the characters from a text node, keeping the caret where the analyst left it. */
export function $stripForbidden(node: TextNode): void {
  const text = node.getTextContent()
  if (!hasXmlForbidden(text)) return
  const selection = $getSelection()
  node.setTextContent(stripXmlForbidden(text))
  if ($isRangeSelection(selection)) {
    keepPoint(selection.anchor, node.getKey(), text)
    keepPoint(selection.focus, node.getKey(), text)
  }
}

/** The transform behind the plugin, for tests that build an editor without React. */
export function registerForbiddenCharacters(editor: LexicalEditor, notify: (removed: number) => void): () => void {
  const transform = editor.registerNodeTransform(TextNode, $stripForbidden)
  // Listens only: the paste itself goes on to the allowlist or Lexical; the transform strips what it brings.
  const paste = editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data = 'clipboardData' in event ? event.clipboardData : null
      const removed = data ? forbiddenInClipboard(data) : 0
      if (removed) notify(removed)
      return false
    },
    COMMAND_PRIORITY_CRITICAL,
  )
  return () => {
    transform()
    paste()
  }
}

/**
 * A brief holds no character XML forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates), whether pasted, dropped
 * or typed: one of them would make the exported .docx unreadable. A paste that brought some says so.
 */
export function ForbiddenCharactersPlugin() {
  const [editor] = useLexicalComposerContext()
  const toast = useToast()
  // A layout effect, so the transform is in place before LoadBriefPlugin loads the brief (and checks its text once).
  useLayoutEffect(
    () =>
      registerForbiddenCharacters(editor, (removed) =>
        toast.info(
          `${removed === 1 ? '1 character' : `${removed} characters`} in the pasted text cannot be stored in a Word document (invisible control characters), so ${removed === 1 ? 'it was' : 'they were'} left out.`,
        ),
      ),
    [editor, toast],
  )
  return null
}
