import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ListItemNode, ListNode, registerList } from '@lexical/list'
import { requireNodes } from '../nodes/require-nodes'

/**
 * Bulleted and numbered lists: Lexical's list commands and transforms, registered once. @lexical/react's
 * ListPlugin (0.52) registers them twice (in its own effect and again through useList), and registering its
 * TextNode transform marks every text node of the open brief dirty: a 2,000-citation brief paid a whole
 * extra pass over its text, ~15 ms, to open. A layout effect, so they are registered before LoadBriefPlugin
 * loads the brief and that pass is not needed at all.
 */
export function ListsPlugin() {
  const [editor] = useLexicalComposerContext()
  requireNodes(editor, 'ListsPlugin', [ListNode, ListItemNode])
  useLayoutEffect(() => registerList(editor), [editor])
  return null
}
