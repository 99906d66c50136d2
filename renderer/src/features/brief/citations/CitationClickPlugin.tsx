import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createNodeSelection, $getSelection, $isNodeSelection, $setSelection, CLICK_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical'

/**
 * A click on a citation label selects that citation (Shift adds to the selection), which shows its card.
 * One listener for the whole brief rather than one per citation: briefs carry thousands of them.
 */
export function CitationClickPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const label = event.target instanceof Element ? event.target.closest('[data-citation-key]') : null
          const key = label?.getAttribute('data-citation-key')
          if (!key || !editor.getRootElement()?.contains(label)) return false
          const current = $getSelection()
          const selection = event.shiftKey && $isNodeSelection(current) ? current.clone() : $createNodeSelection()
          selection.add(key)
          $setSelection(selection)
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  )
  return null
}
