import type Database from 'better-sqlite3'
import { AppError } from '../errors'
import type { Migration } from './migration'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index'
import { query } from './statement'

/** "EVID": marks a SQLite file as an Evident project, so other databases are refused before any write. */
export const APPLICATION_ID = 0x45564944

export function readSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!table) return 0
  const row = query<{ v: number | null }>(db, 'SELECT MAX(version) AS v FROM schema_migrations').get()!
  return row.v ?? 0
}

export function assertSchemaSupported(db: Database.Database, fileLabel: string): number {
  const version = readSchemaVersion(db)
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'NEWER_PROJECT',
      `${fileLabel} was saved by a newer version of Evident (project format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Evident to open it.`,
    )
  }
  return version
}

/** Runs every pending migration, each in its own transaction, recording it as applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const current = readSchemaVersion(db)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      db.exec(migration.up)
      record.run(migration.version, migration.name, new Date().toISOString())
    })()
  }
  return readSchemaVersion(db)
}
