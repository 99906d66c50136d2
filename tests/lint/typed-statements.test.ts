import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const CORE = resolve(__dirname, '../../electron/core')

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** A row read straight off a prepared statement and cast: `db.prepare(sql).get(id) as Row`. */
const CAST_ROW = /\.prepare\((?:[^;]|\n)*?\)\s*(?:\.pluck\(\)\s*)?\.(?:get|all)\([^)]*\)\s+as\s/

describe('statements in core', () => {
  it('are typed where they are declared (query, column, command in db/statement.ts), never cast at the call', () => {
    const casts = tsFiles(CORE).filter((path) => CAST_ROW.test(readFileSync(path, 'utf8')))
    expect(casts.map((path) => relative(CORE, path))).toEqual([])
  })

  it('would name a cast row', () => {
    expect(CAST_ROW.test("const row = this.db.prepare('SELECT * FROM briefs WHERE id = ?').get(id) as BriefRow | undefined")).toBe(true)
    expect(CAST_ROW.test("const row = query<BriefRow>(this.db, 'SELECT * FROM briefs WHERE id = ?').get(id)")).toBe(false)
  })
})
