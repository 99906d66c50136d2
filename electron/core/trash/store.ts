import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { TrashEntry, TrashKind } from '../../shared/dto/trash'
import { storedNulledLinks, storedTrashValues } from '../../shared/stored'
import { restoreRows, snapshotRows, type RowSnapshot, type SnapshotRow } from '../db/row-snapshot'
import { column, command, query } from '../db/statement'
import { readStored } from '../db/stored'
import { newId, nowIso } from '../ids'

/** The kinds whose rows leave their tables for `trash_rows` (briefs stay in theirs, marked `deleted_at`). */
export type StoredKind = Exclude<TrashKind, 'brief'>

export interface StoredItem<Meta> {
  entry: TrashEntry
  meta: Meta
}

interface TrashRow {
  id: string
  kind: StoredKind
  item_id: string
  name: string
  detail: string
  meta: string
  trashed_at: string
}

interface StoredRow {
  table_name: string
  row_json: string
  blob: Buffer | null
}

const IN_THE_TRASH = () => 'an item in the Trash'

/** Blobs ride in their own column (no base64 copy of a 100 MB PDF); a row's first blob there, any other inline. */
const BLOB_MARK = '$blob'
const BASE64_MARK = '$base64'

function toEntry(row: TrashRow): TrashEntry {
  return { id: row.id, kind: row.kind, itemId: row.item_id, name: row.name, detail: row.detail, trashedAt: row.trashed_at }
}

function encode(values: Record<string, unknown>): { json: string; blob: Buffer | null } {
  let blob: Buffer | null = null
  const plain: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(values)) {
    if (!(value instanceof Uint8Array)) plain[name] = value
    else if (!blob) {
      blob = Buffer.from(value)
      plain[name] = { [BLOB_MARK]: true }
    } else plain[name] = { [BASE64_MARK]: Buffer.from(value).toString('base64') }
  }
  return { json: JSON.stringify(plain), blob }
}

function decode(row: StoredRow): SnapshotRow {
  const values = readStored(storedTrashValues, row.row_json, IN_THE_TRASH)
  for (const [name, value] of Object.entries(values)) {
    if (value && typeof value === 'object' && BLOB_MARK in value) values[name] = row.blob
    else if (value && typeof value === 'object' && BASE64_MARK in value) values[name] = Buffer.from(String((value as Record<string, unknown>)[BASE64_MARK]), 'base64')
  }
  return { table: row.table_name, values }
}

/** The rows of trashed items, kept until the Trash is emptied. Every method runs inside its caller's transaction. */
export class TrashStore {
  constructor(private readonly db: Database.Database) {}

  /** Takes the rows of `table` whose id is `itemId` (and all that cascade from them), stores them, deletes them. */
  put<Meta>(kind: StoredKind, table: string, itemId: string, describe: { name: string; detail: string; meta: Meta }): TrashEntry {
    const snapshot = snapshotRows(this.db, table, 'id', [itemId])
    const id = newId()
    const row: TrashRow = { id, kind, item_id: itemId, name: describe.name, detail: describe.detail, meta: JSON.stringify(describe.meta), trashed_at: nowIso() }
    command(this.db, 'INSERT INTO trash (id, kind, item_id, name, detail, meta, nulled, trashed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id, row.kind, row.item_id, row.name, row.detail, row.meta, JSON.stringify(snapshot.nulled), row.trashed_at,
    )
    const store = command(this.db, 'INSERT INTO trash_rows (trash_id, seq, table_name, row_json, blob) VALUES (?, ?, ?, ?, ?)')
    snapshot.rows.forEach((r, seq) => {
      const { json, blob } = encode(r.values)
      store.run(id, seq, r.table, json, blob)
    })
    this.db.prepare(`DELETE FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).run(itemId)
    return toEntry(row)
  }

  list(): TrashEntry[] {
    return query<TrashRow>(this.db, 'SELECT * FROM trash ORDER BY trashed_at DESC, rowid DESC').all().map(toEntry)
  }

  /** The item with its meta, read through the schema of its kind's meta. */
  get<Meta>(id: string, meta: z.ZodType<Meta>): StoredItem<Meta> | undefined {
    const row = query<TrashRow>(this.db, 'SELECT * FROM trash WHERE id = ?').get(id)
    return row && { entry: toEntry(row), meta: readStored(meta, row.meta, () => `“${row.name}” in the Trash`) }
  }

  /** The newest trashed item of this kind that was `itemId`. */
  findItem(kind: StoredKind, itemId: string): TrashEntry | undefined {
    const row = query<TrashRow>(this.db, 'SELECT * FROM trash WHERE kind = ? AND item_id = ? ORDER BY trashed_at DESC LIMIT 1').get(kind, itemId)
    return row && toEntry(row)
  }

  /** A trashed source whose original file had these bytes. */
  findSourceByHash(sha256: string): TrashEntry | undefined {
    const row = query<TrashRow>(this.db, "SELECT * FROM trash WHERE kind = 'source' AND json_extract(meta, '$.sha256') = ? ORDER BY trashed_at DESC LIMIT 1").get(sha256)
    return row && toEntry(row)
  }

  /** Puts the item's rows back and forgets it. */
  restore(id: string): void {
    const rows = query<StoredRow>(this.db, 'SELECT table_name, row_json, blob FROM trash_rows WHERE trash_id = ? ORDER BY seq').all(id)
    const nulled = column<string>(this.db, 'SELECT nulled FROM trash WHERE id = ?').get(id) ?? '[]'
    const snapshot: RowSnapshot = { rows: rows.map(decode), nulled: readStored(storedNulledLinks, nulled, IN_THE_TRASH) }
    restoreRows(this.db, snapshot)
    this.purge(id)
  }

  /** The rows of one table in a trashed item, as they were (to say what a restore brings back). */
  rowsOf(id: string, table: string): Record<string, unknown>[] {
    return query<StoredRow>(this.db, 'SELECT table_name, row_json, blob FROM trash_rows WHERE trash_id = ? AND table_name = ? ORDER BY seq')
      .all(id, table)
      .map((r) => decode(r).values)
  }

  purge(id: string): boolean {
    return command(this.db, 'DELETE FROM trash WHERE id = ?').run(id).changes > 0
  }

  purgeAll(): number {
    return command(this.db, 'DELETE FROM trash').run().changes
  }

  count(): number {
    return column<number>(this.db, 'SELECT COUNT(*) FROM trash').get() ?? 0
  }
}
