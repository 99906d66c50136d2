import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { mergeRegister } from 'lexical'
import { isSafeLinkUrl } from './link'

function $unwrapIfUnsafe(node: LinkNode): void {
  if (isSafeLinkUrl(node.getURL())) return
  for (const child of node.getChildren()) node.insertBefore(child)
  node.remove()
}

/**
 * Whatever route a link arrives by (toolbar, paste, a Lexical clipboard from elsewhere, an old brief),
 * anything but http/https/mailto is unwrapped to plain text: the words stay, the link goes.
 */
export function LinkSafetyPlugin() {
  const [editor] = useLexicalComposerContext()
  // A layout effect, so the transforms are in place before LoadBriefPlugin loads the brief (an old brief's links checked once).
  useLayoutEffect(
    () => mergeRegister(editor.registerNodeTransform(LinkNode, $unwrapIfUnsafe), editor.registerNodeTransform(AutoLinkNode, $unwrapIfUnsafe)),
    [editor],
  )
  return null
}
