import { existsSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type Database from 'better-sqlite3'
import type { ProjectInfo } from '../../shared/dto/project'
import { createProjectDatabase, openProjectDatabase } from '../db/open'
import { readSchemaVersion } from '../db/migrate'
import { AppError } from '../errors'
import { SourceRepository } from '../sources/repository'

/** One open project file and the repositories over it. */
export class ProjectSession {
  readonly sources: SourceRepository

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {
    this.sources = new SourceRepository(db)
  }

  static open(path: string): ProjectSession {
    return new ProjectSession(openProjectDatabase(path), path)
  }

  static create(path: string): ProjectSession {
    return new ProjectSession(createProjectDatabase(path), path)
  }

  get name(): string {
    return basename(this.path, extname(this.path))
  }

  info(): ProjectInfo {
    const count = (table: string, where = '') =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n
    return {
      path: this.path,
      name: this.name,
      schemaVersion: readSchemaVersion(this.db),
      sourceCount: count('sources'),
      claimCount: count('claims'),
      briefCount: count('briefs', 'WHERE deleted_at IS NULL'),
    }
  }

  /** A consistent snapshot through SQLite's backup API, safe while the project is in use. */
  async saveCopy(destination: string): Promise<void> {
    if (destination === this.path) throw new AppError('INVALID_INPUT', 'Choose a different file: that is the project that is open.')
    if (existsSync(destination)) throw new AppError('CONFLICT', `“${basename(destination)}” already exists: choose another name.`)
    try {
      await this.db.backup(destination)
    } catch (error) {
      throw new AppError('IO_ERROR', `The copy could not be written to “${basename(destination)}”: the folder may not exist or may be read-only.`, { cause: error })
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
