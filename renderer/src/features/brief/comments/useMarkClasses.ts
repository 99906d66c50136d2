import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { CommentView } from './useCommentThreads'

/**
 * Marks are drawn by Lexical (one <mark> per MarkNode); whether their thread is resolved or under the caret is
 * ours to show, so the classes are set on Lexical's elements after each change. A mark shared by several
 * threads reads as resolved only when all of them are.
 */
export function useMarkClasses({ threads, anchors, active }: CommentView): void {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const resolved = new Set(threads.filter((t) => t.resolved).map((t) => t.id))
    const idsOfKey = new Map<string, string[]>()
    for (const [id, keys] of anchors) for (const key of keys) idsOfKey.set(key, [...(idsOfKey.get(key) ?? []), id])
    for (const [key, ids] of idsOfKey) {
      const element = editor.getElementByKey(key)
      if (!element) continue
      element.classList.toggle('is-resolved', ids.every((id) => resolved.has(id)))
      element.classList.toggle('is-active', ids.some((id) => active.includes(id)))
      element.dataset.commentIds = ids.join(' ')
    }
  }, [editor, threads, anchors, active])
}
