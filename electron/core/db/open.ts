import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../errors'
import { sqliteNativeBinding } from './driver'
import { APPLICATION_ID, assertSchemaSupported, migrate, readSchemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION } from './migrations/index'

const SQLITE_HEADER = 'SQLite format 3\0'

function label(path: string): string {
  return `“${basename(path)}”`
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return buffer.subarray(0, read).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // FULL: a change is acknowledged only once its WAL frames are on disk, so "Saved" survives a power cut.
  // (NORMAL, with WAL, can lose the last commits.) One fsync per transaction; autosave is one a second.
  db.pragma('synchronous = FULL')
}

/** WAL mode keeps a journal (-wal, -shm) beside the project, so the folder must be writable too. */
function folderIsWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK)
    return true
  } catch {
    return false
  }
}

function readOnlyFolder(path: string): AppError {
  return new AppError(
    'READ_ONLY',
    `${label(path)} is in a folder Evident cannot write to (while a project is open, Evident keeps its journal beside it). Copy the project to a folder you can write to, such as Documents, and open the copy.`,
  )
}

/** A project opened for writing must be writable itself, and so must its folder (for the journal). */
function assertWritable(path: string, mode: number): void {
  try {
    // Mode bits as well as access(): an administrator can write anywhere, but a file marked read-only was meant to stay so.
    if ((mode & 0o222) === 0) throw new Error('read-only mode')
    accessSync(path, constants.R_OK | constants.W_OK)
  } catch {
    throw new AppError('READ_ONLY', `${label(path)} is read-only: Evident needs to save changes to it. Copy it somewhere you can write, or change its permissions.`)
  }
  if (!folderIsWritable(path)) throw readOnlyFolder(path)
}

/**
 * Checks an existing file read-only before anything writes to it: a file we refuse is never touched.
 */
function inspectExisting(path: string, nativeBinding: string, forWriting: boolean): void {
  const name = label(path)
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `${name} does not exist: it may have been moved or deleted.`)
  const stat = statSync(path)
  if (stat.isDirectory()) throw new AppError('NOT_A_PROJECT', `${name} is a folder, not an Evident project file.`)
  if (stat.size === 0 || readHeader(path) !== SQLITE_HEADER) {
    throw new AppError('NOT_A_PROJECT', `${name} is not an Evident project: it is not a database file.`)
  }
  if (forWriting) assertWritable(path, stat.mode)
  let probe: Database.Database | undefined
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
    const appId = probe.pragma('application_id', { simple: true }) as number
    const hasMigrations = probe.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get()
    if (appId !== APPLICATION_ID || !hasMigrations) {
      throw new AppError('NOT_A_PROJECT', `${name} is a database, but not an Evident project.`)
    }
    assertSchemaSupported(probe, name)
    const check = probe.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new AppError('CORRUPT_FILE', `${name} is damaged (${String(check)}). Open a copy or a backup instead.`)
  } catch (error) {
    if (error instanceof AppError) throw error
    // A healthy project in a read-only folder cannot even be read in WAL mode (no -shm can be made there).
    if (isSqliteCode(error, 'SQLITE_CANTOPEN') || isSqliteCode(error, 'SQLITE_READONLY') || !folderIsWritable(path)) throw readOnlyFolder(path)
    throw new AppError('CORRUPT_FILE', `${name} is damaged or truncated and cannot be opened. Open a copy or a backup instead.`, { cause: error })
  } finally {
    probe?.close()
  }
}

function isSqliteCode(error: unknown, prefix: string): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith(prefix)
}

/**
 * Read-only: for a project another Evident is writing. No migration can run, so it must already be at this
 * version's format; `query_only` makes SQLite itself refuse any write that slipped through.
 */
function openReadOnly(path: string, nativeBinding: string): Database.Database {
  const db = new Database(path, { fileMustExist: true, nativeBinding })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('query_only = ON')
    if (readSchemaVersion(db) < LATEST_SCHEMA_VERSION) {
      throw new AppError('READ_ONLY', `${label(path)} was saved by an older Evident and must be upgraded before it can be read: open it normally once the other Evident has closed it.`)
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function openProjectDatabase(path: string, options: { readOnly?: boolean } = {}): Database.Database {
  // The driver first: a driver that cannot load must not be reported as a damaged project.
  const nativeBinding = sqliteNativeBinding()
  inspectExisting(path, nativeBinding, !options.readOnly)
  if (options.readOnly) return openReadOnly(path, nativeBinding)
  const db = new Database(path, { fileMustExist: true, nativeBinding })
  try {
    configure(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    if (error instanceof AppError) throw error
    if (isSqliteCode(error, 'SQLITE_READONLY') || isSqliteCode(error, 'SQLITE_CANTOPEN')) throw readOnlyFolder(path)
    throw new AppError('IO_ERROR', `${label(path)} could not be opened: ${(error as Error).message}`, { cause: error })
  }
}

export function createProjectDatabase(path: string): Database.Database {
  if (existsSync(path)) throw new AppError('CONFLICT', `${label(path)} already exists: choose another name.`)
  const nativeBinding = sqliteNativeBinding()
  let db: Database.Database
  try {
    db = new Database(path, { nativeBinding })
  } catch (error) {
    throw new AppError('IO_ERROR', `${label(path)} could not be created: the folder may not exist or may be read-only.`, { cause: error })
  }
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`)
    configure(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    // A project that failed half-way must not be left behind looking like a real one.
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    throw new AppError('IO_ERROR', `${label(path)} could not be created: ${(error as Error).message}`, { cause: error })
  }
}
