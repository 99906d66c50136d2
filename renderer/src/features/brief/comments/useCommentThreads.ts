import { useEffect, useLayoutEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getMarkIDs, $isMarkNode, MarkNode } from '@lexical/mark'
import { $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, type LexicalEditor, type NodeKey } from 'lexical'
import type { CommentThread } from '@shared/dto/comments'
import { $commentThreads } from './comment-state'

export interface CommentView {
  threads: readonly CommentThread[]
  /** The mark nodes that still carry each thread's id; a thread with none is detached. */
  anchors: ReadonlyMap<string, readonly NodeKey[]>
  /** The threads under the caret. */
  active: readonly string[]
}

/**
 * Which marks carry which thread, kept from Lexical's mutation events (as the playground's CommentPlugin does)
 * rather than by walking the brief on each keystroke: a 60-page brief has thousands of nodes.
 */
function trackMarks(editor: LexicalEditor, onChange: (anchors: Map<string, NodeKey[]>) => void): () => void {
  const idsOfKey = new Map<NodeKey, readonly string[]>()
  const publish = () => {
    const anchors = new Map<string, NodeKey[]>()
    for (const [key, ids] of idsOfKey) for (const id of ids) anchors.set(id, [...(anchors.get(id) ?? []), key])
    onChange(anchors)
  }
  return editor.registerMutationListener(
    MarkNode,
    (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          const node = $getNodeByKey(key)
          if (mutation === 'destroyed' || !$isMarkNode(node)) idsOfKey.delete(key)
          else idsOfKey.set(key, node.getIDs())
        }
      })
      publish()
    },
    { skipInitialization: false },
  )
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

export function useCommentThreads(): CommentView {
  const [editor] = useLexicalComposerContext()
  const [threads, setThreads] = useState<readonly CommentThread[]>(() => editor.getEditorState().read($commentThreads))
  const [anchors, setAnchors] = useState<ReadonlyMap<string, readonly NodeKey[]>>(new Map())
  const [active, setActive] = useState<readonly string[]>([])

  useEffect(() => trackMarks(editor, setAnchors), [editor])
  // A layout effect, registered before LoadBriefPlugin loads the brief: the load is the update that brings the threads.
  useLayoutEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          // The state keeps its array until a comment changes, so React sees the same value on a keystroke.
          setThreads($commentThreads())
          const selection = $getSelection()
          const node = $isRangeSelection(selection) ? selection.anchor.getNode() : null
          const ids = node && $isTextNode(node) && $isRangeSelection(selection) ? ($getMarkIDs(node, selection.anchor.offset) ?? []) : []
          setActive((prev) => (same(prev, ids) ? prev : ids))
        })
      }),
    [editor],
  )
  return { threads, anchors, active }
}
