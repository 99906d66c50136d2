import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $dfs } from '@lexical/utils'
import { $getNodeByKey, $getRoot, COMMAND_PRIORITY_NORMAL, type NodeKey } from 'lexical'
import { $isFigureNode, FigureNode, type FigureFields } from '../nodes/FigureNode'
import { requireNodes } from '../nodes/require-nodes'
import { $saveSelection, type SavedRange } from '../insert/saved-selection'
import { OPEN_FIGURE_DIALOG_COMMAND } from './figure-commands'
import { FigureDialog } from './FigureDialog'
import { figureNumbersOf } from './figure-numbers'

export type FigureDialogState = { mode: 'insert'; at: SavedRange | null } | { mode: 'edit'; nodeKey: NodeKey; fields: FigureFields }

/** Insert figure (toolbar) and Edit figure (on each figure) open the figure dialog; figures are numbered in order. */
export function FigurePlugin() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState<FigureDialogState | null>(null)

  useEffect(() => {
    requireNodes(editor, 'FigurePlugin', [FigureNode])
    const numbers = figureNumbersOf(editor)
    const renumber = () =>
      editor.getEditorState().read(() => numbers.set($dfs($getRoot()).filter(({ node }) => $isFigureNode(node)).map(({ node }) => node.getKey())))
    renumber()
    const unlisten = editor.registerMutationListener(FigureNode, renumber)
    const unregister = editor.registerCommand(
      OPEN_FIGURE_DIALOG_COMMAND,
      (nodeKey) => {
        if (!editor.isEditable()) return false
        if (nodeKey === null) {
          setOpen({ mode: 'insert', at: $saveSelection() })
          return true
        }
        const node = $getNodeByKey(nodeKey)
        if (!$isFigureNode(node)) return false
        setOpen({ mode: 'edit', nodeKey, fields: node.getFields() })
        return true
      },
      COMMAND_PRIORITY_NORMAL,
    )
    return () => {
      unlisten()
      unregister()
    }
  }, [editor])

  if (!open) return null
  return (
    <FigureDialog
      state={open}
      onClose={() => {
        setOpen(null)
        editor.focus()
      }}
    />
  )
}
