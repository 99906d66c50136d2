import type Database from 'better-sqlite3'
import { AppError } from '../errors'
import { column } from './statement'

type Db = Database.Database
type Values = Record<string, unknown>

/** One row as it was, with the table it came from. Blobs stay Buffers. */
export interface SnapshotRow {
  table: string
  values: Values
}

/** Rows that were kept but lost a link when the parent went (ON DELETE SET NULL): put back on restore. */
export interface NulledLinks {
  table: string
  column: string
  /** [rowid, the value the column held] */
  links: [number, unknown][]
}

export interface RowSnapshot {
  rows: SnapshotRow[]
  nulled: NulledLinks[]
}

interface ForeignKey {
  table: string
  from: string
  parent: string
  to: string
  onDelete: string
}

/**
 * Every foreign key of the schema, read from SQLite itself: a table another feature adds with
 * `REFERENCES sources(id) ON DELETE CASCADE` goes to the Trash with its source without this file knowing it.
 */
function foreignKeys(db: Db): ForeignKey[] {
  const tables = column<string>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all()
  return tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { table: string; from: string; to: string | null; on_delete: string }[]).map((fk) => ({
      table,
      from: fk.from,
      parent: fk.table,
      to: fk.to ?? 'rowid',
      onDelete: fk.on_delete.toUpperCase(),
    })),
  )
}

function hasRowid(db: Db, table: string): boolean {
  const sql = column<string>(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
  return !/WITHOUT\s+ROWID\s*$/i.test(sql ?? '')
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * Reads the rows of `table` whose `column` is one of `values`, and every row that would go with them by
 * ON DELETE CASCADE, parents before children, so inserting them in order rebuilds them. Rows that would
 * only lose a link (SET NULL) are recorded by rowid. Call inside the transaction that then deletes.
 */
export function snapshotRows(db: Db, table: string, column: string, values: readonly unknown[]): RowSnapshot {
  const keys = foreignKeys(db)
  const snapshot: RowSnapshot = { rows: [], nulled: [] }
  const seen = new Set<string>()
  const visit = (tableName: string, columnName: string, wanted: readonly unknown[]) => {
    if (!wanted.length) return
    const rowid = hasRowid(db, tableName) ? 'rowid AS "$rowid", ' : ''
    const rows = db
      .prepare(`SELECT ${rowid}* FROM ${quoted(tableName)} WHERE ${quoted(columnName)} IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(wanted)) as Values[]
    const fresh = rows.filter((row) => {
      const key = `${tableName}:${String(row.$rowid ?? JSON.stringify(row))}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    for (const row of fresh) {
      const values = { ...row }
      delete values.$rowid
      snapshot.rows.push({ table: tableName, values })
    }
    for (const fk of keys.filter((k) => k.parent === tableName)) {
      const parentValues = fresh.map((row) => row[fk.to]).filter((v) => v !== null && v !== undefined)
      if (fk.onDelete === 'CASCADE') visit(fk.table, fk.from, parentValues)
      else if (fk.onDelete === 'SET NULL' && parentValues.length && hasRowid(db, fk.table)) {
        const links = db
          .prepare(`SELECT rowid, ${quoted(fk.from)} AS v FROM ${quoted(fk.table)} WHERE ${quoted(fk.from)} IN (SELECT value FROM json_each(?))`)
          .raw()
          .all(JSON.stringify(parentValues)) as [number, unknown][]
        if (links.length) snapshot.nulled.push({ table: fk.table, column: fk.from, links })
      }
    }
  }
  visit(table, column, values)
  return snapshot
}

/**
 * Puts the rows back in order. The schema may have moved on since they were taken: columns that no longer
 * exist are dropped, new ones take their defaults. A row whose other parent has gone meanwhile is left out
 * where the schema would have deleted it (CASCADE) or unlinked where it would have unlinked it (SET NULL).
 * A row that clashes with one added since (a UNIQUE constraint) fails the whole restore: the caller's
 * transaction then leaves the project as it was.
 */
export function restoreRows(db: Db, snapshot: RowSnapshot): void {
  const keys = foreignKeys(db)
  const columnsOf = new Map<string, Set<string>>()
  const columns = (table: string) => {
    let set = columnsOf.get(table)
    if (!set) {
      set = new Set((db.pragma(`table_info(${quoted(table)})`) as { name: string }[]).map((c) => c.name))
      columnsOf.set(table, set)
    }
    return set
  }
  for (const { table, values } of snapshot.rows) {
    const present = columns(table)
    if (!present.size) continue
    const row: Values = Object.fromEntries(Object.entries(values).filter(([name]) => present.has(name)))
    let keep = true
    for (const fk of keys.filter((k) => k.table === table)) {
      const value = row[fk.from]
      if (value === null || value === undefined) continue
      const parentThere = db.prepare(`SELECT 1 FROM ${quoted(fk.parent)} WHERE ${quoted(fk.to)} = ?`).get(value)
      if (parentThere) continue
      if (fk.onDelete === 'CASCADE') keep = false
      else if (fk.onDelete === 'SET NULL') row[fk.from] = null
      else throw new AppError('CONFLICT', 'This item cannot be restored: something it belongs to is no longer in the project.')
    }
    if (!keep) continue
    const names = Object.keys(row)
    db.prepare(`INSERT INTO ${quoted(table)} (${names.map(quoted).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]))
  }
  for (const { table, column, links } of snapshot.nulled) {
    if (!columns(table).has(column)) continue
    const relink = db.prepare(`UPDATE ${quoted(table)} SET ${quoted(column)} = ? WHERE rowid = ? AND ${quoted(column)} IS NULL`)
    for (const [rowid, value] of links) relink.run(value, rowid)
  }
}
