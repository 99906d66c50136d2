/**
 * Pasted tables (Word, Excel, a web page) stay tables when a brief's table can hold them; a larger one comes
 * in as text, one paragraph per row, so nothing is lost, and the paste says so.
 */
export const MAX_TABLE_ROWS = 100
export const MAX_TABLE_COLUMNS = 20

export interface PastedTable {
  rows: number
  columns: number
  /** False when it was too large to keep as a table (or sat inside another table's cell). */
  kept: boolean
}

/** A table's own rows (thead, tbody and tfoot alike), not those of a table inside one of its cells. */
export function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table)
}

export function ownCells(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
}

export function tableSize(table: Element): { rows: number; columns: number } {
  const rows = ownRows(table)
  // A merged cell spans columns in the source: counted as it looks, though the brief's table has no merges.
  return { rows: rows.length, columns: Math.max(0, ...rows.map((r) => ownCells(r).length)) }
}

export function fitsBrief(size: { rows: number; columns: number }): boolean {
  return size.rows > 0 && size.rows <= MAX_TABLE_ROWS && size.columns > 0 && size.columns <= MAX_TABLE_COLUMNS
}

/** What the analyst is told after pasting a table too large to keep as one. */
export function describeFlattened(tables: readonly PastedTable[]): string | null {
  const flat = tables.filter((t) => !t.kept && t.rows > 0)
  if (!flat.length) return null
  const sizes = flat.map((t) => `${t.rows} rows × ${t.columns} columns`).join(', ')
  return `${flat.length === 1 ? 'A pasted table' : `${flat.length} pasted tables`} (${sizes}) ${flat.length === 1 ? 'is' : 'are'} larger than a brief's table can hold (${MAX_TABLE_ROWS} rows × ${MAX_TABLE_COLUMNS} columns), so ${flat.length === 1 ? 'it was' : 'they were'} pasted as text, one paragraph per row: nothing was left out.`
}
