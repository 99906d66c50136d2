import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $isLinkNode } from '@lexical/link'
import { $findMatchingParent } from '@lexical/utils'
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  mergeRegister,
} from 'lexical'
import { $blockKindAt, type BlockKind } from './block-format'

export interface ToolbarState {
  block: BlockKind
  bold: boolean
  italic: boolean
  link: boolean
  canUndo: boolean
  canRedo: boolean
  editable: boolean
}

const INITIAL: ToolbarState = { block: 'paragraph', bold: false, italic: false, link: false, canUndo: false, canRedo: false, editable: true }

/** What the toolbar's pressed states should show for the current selection. */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext()
  const [state, setState] = useState<ToolbarState>(() => ({ ...INITIAL, editable: editor.isEditable() }))

  useEffect(() => {
    const read = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection)) return
        const node = selection.anchor.getNode()
        const block = $blockKindAt(node)
        const link = $findMatchingParent(node, $isLinkNode) !== null
        setState((s) => {
          const next = { ...s, block, link, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic') }
          return next.block === s.block && next.link === s.link && next.bold === s.bold && next.italic === s.italic ? s : next
        })
      })
    read()
    return mergeRegister(
      editor.registerUpdateListener(read),
      editor.registerEditableListener((editable) => setState((s) => ({ ...s, editable }))),
      editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((s) => ({ ...s, canUndo })), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((s) => ({ ...s, canRedo })), false), COMMAND_PRIORITY_LOW),
    )
  }, [editor])

  return state
}
