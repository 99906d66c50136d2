import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table'
import { $getSelection, $isRangeSelection } from 'lexical'

/** The table the caret is in, if any, and whether its first row is a header row (call inside read/update). */
function $tableAtCaret(): TableNode | null {
  const selection = $getSelection()
  return $isRangeSelection(selection) ? $findTableNode(selection.anchor.getNode()) : null
}

function $hasHeaderRow(table: TableNode): boolean {
  const first = table.getFirstChild()
  return $isTableRowNode(first) && first.getChildren().every((c) => $isTableCellNode(c) && (c.getHeaderStyles() & TableCellHeaderStates.ROW) !== 0)
}

/** Makes the table's first row its header row (repeated on each page in Word), or an ordinary row again. */
function $setHeaderRow(table: TableNode, on: boolean): void {
  const first = table.getFirstChild()
  if (!$isTableRowNode(first)) return
  for (const cell of first.getChildren()) {
    if ($isTableCellNode(cell)) cell.setHeaderStyles(on ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, TableCellHeaderStates.ROW)
  }
}

/** Rows, columns and the header row of the table the caret is in: shown only while it is in one. */
export function TableTools({ disabled }: { disabled: boolean }) {
  const [editor] = useLexicalComposerContext()
  const [state, setState] = useState<{ inTable: boolean; header: boolean }>({ inTable: false, header: false })

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const table = $tableAtCaret()
          return { inTable: table !== null, header: table ? $hasHeaderRow(table) : false }
        })
        setState((s) => (s.inTable === next.inTable && s.header === next.header ? s : next))
      }),
    [editor],
  )

  if (!state.inTable) return null
  const act = (action: () => void) => () => editor.update(action)
  return (
    <div className="brief-table-tools" role="toolbar" aria-label="Table">
      <button type="button" className="tool" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={act(() => void $insertTableRowAtSelection(true))}>
        + Row
      </button>
      <button type="button" className="tool" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={act(() => void $insertTableColumnAtSelection(true))}>
        + Column
      </button>
      <button type="button" className="tool" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={act(() => $deleteTableRowAtSelection())}>
        − Row
      </button>
      <button type="button" className="tool" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={act(() => $deleteTableColumnAtSelection())}>
        − Column
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={state.header}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={act(() => {
          const table = $tableAtCaret()
          if (table) $setHeaderRow(table, !$hasHeaderRow(table))
        })}
      >
        Header row
      </button>
    </div>
  )
}
