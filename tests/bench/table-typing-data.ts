import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { rootOf } from '../../electron/core/briefs/content'
import { heading, paragraph, root } from '../../electron/core/briefs/nodes'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { wrapEditorState } from '../../electron/core/briefs/templates'
import { ProjectSession } from '../../electron/core/project/session'
import type { BriefRef } from './editor-ui-probes'

export const TABLE_ROWS = 30
export const TABLE_COLUMNS = 10

/** Lexical's element fields as the brief editor writes them for a table and its rows and cells (read back from the app). */
const ELEMENT = { direction: null, format: '', indent: 0, version: 1 }

function cell(header: boolean, words: string): SerializedLexicalNode {
  return { ...ELEMENT, type: 'tablecell', headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null, children: [{ ...paragraph(words), direction: null }] } as unknown as SerializedLexicalNode
}

/** A survey table with a header row, as the Table button makes one and an analyst fills it in. */
function surveyTable(): SerializedLexicalNode {
  const rows = Array.from({ length: TABLE_ROWS }, (_, r) => ({
    ...ELEMENT,
    type: 'tablerow',
    children: Array.from({ length: TABLE_COLUMNS }, (_, c) => cell(r === 0, r === 0 ? `Measure ${c + 1}` : `${r * 7 + c}% in area ${r}`)),
  }))
  return { ...ELEMENT, type: 'table', children: rows } as unknown as SerializedLexicalNode
}

/** A copy of the 60-page plain brief with a 30×10 table in its middle, stored through BriefRepository.save. */
export function addTableBrief(path: string, plain: BriefRef): BriefRef {
  const session = ProjectSession.open(path)
  try {
    const briefs = new BriefRepository(session.db)
    const title = `Sixty pages with a ${TABLE_ROWS}×${TABLE_COLUMNS} table`
    // The brief's title is its first heading (save takes it from there): the copy gets a heading of its own.
    const [, ...body] = rootOf(briefs.get(plain.id).content).children ?? []
    const children = [heading('h1', title), ...body]
    children.splice(Math.floor(children.length / 2), 0, surveyTable())
    const created = briefs.create(title, 'blank', null)
    briefs.update(created.id, { style: 'vancouver' })
    briefs.save(created.id, JSON.stringify(wrapEditorState(root(children))))
    return { id: created.id, title }
  } finally {
    session.close()
  }
}
