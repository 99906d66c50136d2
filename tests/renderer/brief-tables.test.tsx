// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $isTableCellNode, $isTableNode, TableCellHeaderStates, type TableNode } from '@lexical/table'
import { $getRoot, $createParagraphNode, createEditor, type LexicalEditor } from 'lexical'
import { $pasteSanitisedHtml } from '../../renderer/src/features/brief/editor/PastePlugin'
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../renderer/src/features/brief/editor/paste-tables'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'

function setup(): LexicalEditor {
  const root = document.createElement('div')
  root.contentEditable = 'true'
  document.body.appendChild(root)
  const editor = createEditor({ namespace: 't', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  editor.setRootElement(root)
  editor.update(() => $getRoot().append($createParagraphNode()).selectEnd(), { discrete: true })
  return editor
}

function paste(editor: LexicalEditor, html: string): { notice: string | null } | false {
  let result: { notice: string | null } | false = false
  editor.update(() => void (result = $pasteSanitisedHtml(editor, html)), { discrete: true })
  return result
}

const tables = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isTableNode)
      .map((t: TableNode) => t.getChildren().map((row) => (row as TableNode).getChildren().map((cell) => ($isTableCellNode(cell) ? `${cell.getHeaderStyles() & TableCellHeaderStates.ROW ? 'th:' : ''}${cell.getTextContent()}` : '?')))),
  )

// As Word puts a table on the clipboard: classes, styles, <p class=MsoNormal> in each cell, a merged cell.
const WORD_TABLE = `<html><body><table class=MsoTableGrid border=1 style='border-collapse:collapse'>
<tr><td style='width:100pt'><p class=MsoNormal><b>Trust</b><o:p></o:p></p></td><td><p class=MsoNormal><b>Practices</b></p></td></tr>
<tr><td><p class=MsoNormal>Northumbria</p></td><td colspan=1><p class=MsoNormal>12</p></td></tr></table></body></html>`

describe('tables in the brief', () => {
  it('a table pasted from Word stays a table, with its words and nothing of its styling', () => {
    const editor = setup()
    expect(paste(editor, WORD_TABLE)).toEqual({ notice: null })
    expect(tables(editor)).toEqual([
      [
        ['Trust', 'Practices'],
        ['Northumbria', '12'],
      ],
    ])
    const html = editor.getRootElement()!.innerHTML
    expect(html).not.toContain('MsoTableGrid')
    expect(html).not.toContain('100pt')
  })

  it('a web page’s header cells stay header cells, and a script in a cell never arrives', () => {
    const editor = setup()
    paste(editor, '<table><thead><tr><th>Year</th><th>GPs</th></tr></thead><tbody><tr><td>2015<script>alert(1)</script></td><td onclick="x()">34,000</td></tr></tbody></table>')
    expect(tables(editor)).toEqual([
      [
        ['th:Year', 'th:GPs'],
        ['2015', '34,000'],
      ],
    ])
    expect(editor.getRootElement()!.innerHTML).not.toMatch(/script|onclick/)
  })

  it(`a 200×50 table is more than a brief's table holds (${MAX_TABLE_ROWS}×${MAX_TABLE_COLUMNS}): it comes in as text, one paragraph per row, and the paste says so`, () => {
    const editor = setup()
    const rows = Array.from({ length: 200 }, (_, r) => `<tr>${Array.from({ length: 50 }, (_, c) => `<td>r${r}c${c}</td>`).join('')}</tr>`).join('')
    const result = paste(editor, `<table>${rows}</table>`)
    expect(result).toEqual({
      notice:
        "A pasted table (200 rows × 50 columns) is larger than a brief's table can hold (100 rows × 20 columns), so it was pasted as text, one paragraph per row: nothing was left out.",
    })
    expect(tables(editor)).toEqual([])
    const text = editor.getEditorState().read(() => $getRoot().getTextContent())
    expect(text).toContain('r0c0')
    expect(text).toContain('r199c49')
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBeGreaterThanOrEqual(200)
  })
})
