import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertGeneratedNodes } from '@lexical/clipboard'
import { $generateNodesFromDOM } from '@lexical/html'
import { $addUpdateTag, $getSelection, $isNodeSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG, type LexicalEditor } from 'lexical'
import { describeFlattened } from './paste-tables'
import { sanitisePaste } from './sanitise-html'
import { useToast } from '../../../ui/Toast'

const LEXICAL_MIME = 'application/x-lexical-editor'

/**
 * Pastes HTML through the allowlist (call inside an update or command handler). Returns false when there is
 * nowhere to paste, else what the analyst should be told (a table too large to stay one), or null.
 */
export function $pasteSanitisedHtml(editor: LexicalEditor, html: string): false | { notice: string | null } {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) && !$isNodeSelection(selection)) return false
  const { doc, tables } = sanitisePaste(html)
  const nodes = $generateNodesFromDOM(editor, doc)
  $addUpdateTag(PASTE_TAG)
  $insertGeneratedNodes(editor, nodes, selection)
  return { notice: describeFlattened(tables) }
}

/**
 * HTML from a web page or Word goes through our allowlist before Lexical sees it, so no script, style,
 * remote image or unsafe link can reach a brief. Copies from a brief itself keep Lexical's own format
 * (they carry citation nodes); plain text keeps Lexical's default handling.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext()
  const toast = useToast()
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
          const pasted = $pasteSanitisedHtml(editor, html)
          if (pasted && pasted.notice) toast.info(pasted.notice)
          return pasted !== false
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, toast],
  )
  return null
}
