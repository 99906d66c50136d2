import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'

/** Lexical's header-state bit for a cell in a header row (TableCellHeaderStates.ROW). */
const HEADER_ROW = 1

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' }

export function isHeaderCell(cell: SerializedLexicalNode): boolean {
  return typeof cell.headerState === 'number' && (cell.headerState & HEADER_ROW) !== 0
}

/** A row every cell of which is a header cell: Word repeats it at the top of each page the table runs onto. */
export function isHeaderRow(row: SerializedLexicalNode): boolean {
  const cells = row.children ?? []
  return cells.length > 0 && cells.every(isHeaderCell)
}

/**
 * A brief's table as a Word table: full width, thin borders, and its header rows (leading rows of header
 * cells) marked as header rows, which Word repeats on every page and screen readers announce as headers.
 * Each cell's blocks are written by the caller's block writer, so citations in cells are notes like any other.
 */
export function wordTable(table: SerializedLexicalNode, cellBlocks: (children: SerializedLexicalNode[]) => FileChild[]): Table {
  const rows = (table.children ?? []).filter((r) => r.type === 'tablerow')
  let leading = true
  const wordRows = rows.map((row) => {
    const header = leading && isHeaderRow(row)
    leading = header
    return new TableRow({
      ...(header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: (row.children ?? []).map((cell) => {
        // A cell holds paragraphs and tables only (the References list, a section break, never sits in one).
        const content = cellBlocks(cell.children ?? []).filter((c): c is Paragraph | Table => c instanceof Paragraph || c instanceof Table)
        return new TableCell({
          children: content.length ? content : [new Paragraph({})],
          ...(isHeaderCell(cell) ? { shading: { fill: 'E8E6E1', type: ShadingType.CLEAR, color: 'auto' } } : {}),
          ...(typeof cell.colSpan === 'number' && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
          ...(typeof cell.rowSpan === 'number' && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        })
      }),
    })
  })
  return new Table({
    rows: wordRows.length ? wordRows : [new TableRow({ children: [new TableCell({ children: [new Paragraph({})] })] })],
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  })
}
