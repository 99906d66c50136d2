import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertGeneratedNodes } from '@lexical/clipboard'
import { $generateNodesFromDOM } from '@lexical/html'
import { $addUpdateTag, $getSelection, $isNodeSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG, type LexicalEditor } from 'lexical'
import { sanitiseHtml } from './sanitise-html'

const LEXICAL_MIME = 'application/x-lexical-editor'

/** Pastes HTML through the allowlist (call inside an update or command handler). */
export function $pasteSanitisedHtml(editor: LexicalEditor, html: string): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) && !$isNodeSelection(selection)) return false
  const nodes = $generateNodesFromDOM(editor, sanitiseHtml(html))
  $addUpdateTag(PASTE_TAG)
  $insertGeneratedNodes(editor, nodes, selection)
  return true
}

/**
 * HTML from a web page or Word goes through our allowlist before Lexical sees it, so no script, style,
 * remote image or unsafe link can reach a brief. Copies from a brief itself keep Lexical's own format
 * (they carry citation nodes); plain text keeps Lexical's default handling.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null
          if (!data || Array.from(data.types).includes(LEXICAL_MIME)) return false
          const html = data.getData('text/html')
          if (!html) return false
          event.preventDefault()
          return $pasteSanitisedHtml(editor, html)
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  )
  return null
}
