import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../helpers/renderer-sources'

const CORE = resolve(__dirname, '../../electron/core')

/**
 * A row read straight off a prepared statement and cast: `db.prepare(sql).get(id) as Row`. One character class
 * (`[^;]` already takes newlines): an alternation of overlapping classes backtracks exponentially on long files.
 */
const CAST_ROW = /\.prepare\([^;]*?\)\s*(?:\.pluck\(\)\s*)?\.(?:get|all)\([^)]*\)\s+as\s/

describe('statements in core', () => {
  it('are typed where they are declared (query, column, command in db/statement.ts), never cast at the call', () => {
    const casts = sourceFiles(CORE, /\.ts$/).filter((path) => CAST_ROW.test(readFileSync(path, 'utf8')))
    expect(casts.map((path) => relative(CORE, path))).toEqual([])
  })

  it('would name a cast row', () => {
    expect(CAST_ROW.test("const row = this.db.prepare('SELECT * FROM briefs WHERE id = ?').get(id) as BriefRow | undefined")).toBe(true)
    expect(CAST_ROW.test("const row = query<BriefRow>(this.db, 'SELECT * FROM briefs WHERE id = ?').get(id)")).toBe(false)
  })
})
