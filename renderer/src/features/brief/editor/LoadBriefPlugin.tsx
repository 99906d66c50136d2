import { useLayoutEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $parseSerializedNode, HISTORY_MERGE_TAG, type SerializedEditorState } from 'lexical'

/**
 * Puts the stored brief into the editor, once, after the plugins have registered their transforms and
 * listeners: it must be the last plugin with a layout effect. Why not LexicalComposer's initial state:
 * registering a transform on a filled editor marks every node of its type dirty, so each plugin that
 * registers one (punctuation, forbidden characters) cost a 2,000-citation brief a pass over all its nodes,
 * and their sum a second reconcile of the whole brief, before its first frame. Loaded here, the nodes are new
 * in one update: every transform runs once over them and Lexical draws them once.
 *
 * Discrete, so the brief is in the editor before any passive effect runs: autosave, the outline and the
 * others that read the opened brief when they mount find it there, as they did with the composer's state.
 */
export function LoadBriefPlugin({ editorState }: { editorState: unknown }) {
  const [editor] = useLexicalComposerContext()
  // Once per editor, also when StrictMode mounts effects twice.
  const loaded = useRef(false)
  useLayoutEffect(() => {
    if (loaded.current) return
    loaded.current = true
    editor.update(
      () => {
        $getRoot().clear()
        // The root's own JSON (direction, node state such as comment threads) and its children, as
        // parseEditorState reads them; the core has already checked the brief's shape.
        $parseSerializedNode((editorState as SerializedEditorState).root)
      },
      { discrete: true, tag: HISTORY_MERGE_TAG },
    )
  }, [editor, editorState])
  return null
}
