import { existsSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type Database from 'better-sqlite3'
import type { ProjectInfo } from '../../shared/dto/project'
import { IdleCheckpointer } from '../db/checkpoint'
import { ProjectLock } from './lock'
import { createProjectDatabase, openProjectDatabase } from '../db/open'
import { readSchemaVersion } from '../db/migrate'
import { AppError } from '../errors'
import { SourceRepository } from '../sources/repository'
import { query } from '../db/statement'

export interface SessionOptions {
  /** How long the project must go unchanged before its journal is folded into the .evident file. */
  idleCheckpointMs?: number
  /** Open without writing and without the writer's lock: to read a project another Evident is writing. */
  readOnly?: boolean
  /** Why it was opened read-only, for the window to say. */
  readOnlyReason?: string
  /** How the lock names this process to another Evident that finds the project taken. */
  app?: string
}

/** Seconds, not minutes: "copy the .evident file" should be true a moment after the analyst stops typing. */
const IDLE_CHECKPOINT_MS = 3_000

/** One open project file and the repositories over it. */
export class ProjectSession {
  readonly sources: SourceRepository
  readonly readOnly: boolean
  private readonly readOnlyReason: string
  private readonly checkpointer: IdleCheckpointer | null

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    private readonly lock: ProjectLock | null,
    options: SessionOptions,
  ) {
    this.sources = new SourceRepository(db)
    this.readOnly = Boolean(options.readOnly)
    this.readOnlyReason = options.readOnlyReason ?? 'It was opened read-only.'
    this.checkpointer = this.readOnly ? null : new IdleCheckpointer(db, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS)
  }

  static open(path: string, options: SessionOptions = {}): ProjectSession {
    if (options.readOnly) return new ProjectSession(openProjectDatabase(path, { readOnly: true }), path, null, options)
    return ProjectSession.locked(path, options, () => openProjectDatabase(path))
  }

  static create(path: string, options: SessionOptions = {}): ProjectSession {
    return ProjectSession.locked(path, { ...options, readOnly: false }, () => createProjectDatabase(path))
  }

  /** The lock is taken before the file is touched, and given back if the file cannot be opened after all. */
  private static locked(path: string, options: SessionOptions, openDb: () => Database.Database): ProjectSession {
    const lock = ProjectLock.acquire(path, options.app ?? 'Evident')
    try {
      return new ProjectSession(openDb(), path, lock, options)
    } catch (error) {
      lock.release()
      throw error
    }
  }

  /** Refuses a write before it starts (an import that would fail file by file), with why the project is read-only. */
  assertWritable(): void {
    if (this.readOnly) throw new AppError('READ_ONLY', `${this.readOnlyReason} Nothing can be changed until it is opened normally.`)
  }

  /** Folds the journal into the .evident file now, so the file alone holds every saved change. */
  checkpoint(): void {
    this.checkpointer?.checkpoint()
  }

  get name(): string {
    return basename(this.path, extname(this.path))
  }

  info(): ProjectInfo {
    const count = (table: string, where = '') =>
      (query<{ n: number }>(this.db, `SELECT COUNT(*) AS n FROM ${table} ${where}`).get()!).n
    return {
      path: this.path,
      name: this.name,
      schemaVersion: readSchemaVersion(this.db),
      sourceCount: count('sources'),
      claimCount: count('claims'),
      briefCount: count('briefs', 'WHERE deleted_at IS NULL'),
      ...(this.readOnly ? { readOnly: { reason: this.readOnlyReason } } : {}),
    }
  }

  /** A consistent snapshot through SQLite's backup API, safe while the project is in use. */
  async saveCopy(destination: string): Promise<void> {
    if (destination === this.path) throw new AppError('INVALID_INPUT', 'Choose a different file: that is the project that is open.')
    if (existsSync(destination)) throw new AppError('CONFLICT', `“${basename(destination)}” already exists: choose another name.`)
    try {
      this.checkpoint()
      await this.db.backup(destination)
    } catch (error) {
      throw new AppError('IO_ERROR', `The copy could not be written to “${basename(destination)}”: the folder may not exist or may be read-only.`, { cause: error })
    }
  }

  close(): void {
    this.checkpointer?.stop()
    // Closing the last connection checkpoints and removes the -wal file: the .evident is whole again.
    if (this.db.open) this.db.close()
    this.lock?.release()
  }
}
