import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $isElementNode } from 'lexical'
import { useWindowEvent } from '../../../ui/window-events'
import { REVEAL_BLOCK_EVENT } from '../events'
import { revealBlock } from './reveal'

/** Shows a block of this brief and puts the caret at its start when a check's "Go to" asks for it. */
export function RevealBlockPlugin({ briefId }: { briefId: string }) {
  const [editor] = useLexicalComposerContext()
  useWindowEvent(REVEAL_BLOCK_EVENT, ({ briefId: wanted, block }) => {
    if (wanted !== briefId) return
    let key: string | null = null
    editor.update(() => {
      const node = $getRoot().getChildAtIndex(block)
      if (!node) return
      key = node.getKey()
      if ($isElementNode(node)) node.selectStart()
    })
    // After the update has been drawn: the block exists in the DOM, and focus can follow the dialog's closing.
    requestAnimationFrame(() => {
      const el = key ? editor.getElementByKey(key) : null
      if (el) revealBlock(el, 'center')
      editor.focus()
    })
  })
  return null
}
