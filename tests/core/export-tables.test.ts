import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { walk } from '../../electron/core/briefs/nodes'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { editBrief, useExportFixture } from '../helpers/export-fixture'

const text = (value: string): SerializedLexicalNode => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const para = (...children: SerializedLexicalNode[]): SerializedLexicalNode => ({ type: 'paragraph', version: 1, children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '' })
const cell = (header: boolean, ...children: SerializedLexicalNode[]): SerializedLexicalNode => ({
  type: 'tablecell',
  version: 1,
  headerState: header ? 1 : 0,
  colSpan: 1,
  rowSpan: 1,
  backgroundColor: null,
  children: [para(...children)],
  direction: 'ltr',
  format: '',
  indent: 0,
})
const row = (...cells: SerializedLexicalNode[]): SerializedLexicalNode => ({ type: 'tablerow', version: 1, children: cells, direction: 'ltr', format: '', indent: 0 })

/** python-docx reads the .docx back: each table's rows of cell text, and which rows Word repeats as headers. */
function readTables(path: string): { rows: string[][]; headerRows: boolean[] }[] {
  const script = `
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = []
for t in d.tables:
    out.append({"rows": [[c.text for c in r.cells] for r in t.rows],
                "headerRows": [r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None and r._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) not in ("false", "0") for r in t.rows]})
print(json.dumps(out))`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as { rows: string[][]; headerRows: boolean[] }[]
}

describe('tables exported to Word', () => {
  const exports = useExportFixture('evident-tables-', (fixture) =>
    editBrief(fixture, (root) => {
      const citation = [...walk(root)].find((n) => n.type === 'citation')!
      const table: SerializedLexicalNode = {
        type: 'table',
        version: 1,
        children: [row(cell(true, text('Model')), cell(true, text('Evidence'))), row(cell(false, text('Vertical integration')), cell(false, text('Limited and mixed'), structuredClone(citation)))],
        direction: 'ltr',
        format: '',
        indent: 0,
      }
      root.children!.splice(3, 0, table)
    }),
  )

  it('a table is a Word table whose header row repeats on each page, with a citation in a cell as a real note', async () => {
    const path = exports.out('tables.docx')
    const result = await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, style: 'vancouver', notes: 'footnotes' })
    expect(result.citations).toBe(exports.fixture().citationCount + 1)
    expect(result.report.accessibility.filter((i) => i.rule === 'table-header')).toEqual([])
    const [table, ...others] = readTables(path)
    expect(others).toEqual([])
    expect(table!.headerRows).toEqual([true, false])
    expect(table!.rows[0]).toEqual(['Model', 'Evidence'])
    expect(table!.rows[1]![0]).toBe('Vertical integration')
    // The cell's citation is a footnote reference (a superscript number after the words).
    expect(table!.rows[1]![1]).toMatch(/^Limited and mixed\d*$/)
  })

  it('a table without a header row stops the export (NOT_ACCESSIBLE) and nothing is written', async () => {
    editBrief(exports.fixture(), (root) => {
      const table = root.children!.find((n) => n.type === 'table')!
      for (const c of table.children![0]!.children!) c.headerState = 0
    })
    const path = exports.out('no-header.docx')
    await expect(exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path })).rejects.toMatchObject({
      code: 'NOT_ACCESSIBLE',
      message: expect.stringContaining('A table has no header row: make its first row the header row'),
    })
    expect(() => execFileSync('test', ['-e', path])).toThrow()
  })
})
