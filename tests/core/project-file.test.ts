import { chmodSync, copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index'
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate'
import { refusal as errorOf } from '../helpers/refusal'
import { ProjectSession } from '../../electron/core/project/session'
import { FIXTURES_DIR, useTempDir } from '../helpers/temp'


describe('the project file', () => {
  const temp = useTempDir()

  it('creates a new project with every migration applied and recorded', () => {
    const session = ProjectSession.create(join(temp(), 'new.evident'))
    expect(readSchemaVersion(session.db)).toBe(LATEST_SCHEMA_VERSION)
    const applied = session.db.prepare('SELECT version, name FROM schema_migrations').all()
    expect(applied).toHaveLength(LATEST_SCHEMA_VERSION)
    expect(session.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(session.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(session.info()).toMatchObject({ name: 'new', sourceCount: 0, claimCount: 0, briefCount: 0 })
    session.close()
  })

  it('runs migrations again on an up-to-date file without changing anything', () => {
    const path = join(temp(), 'again.evident')
    ProjectSession.create(path).close()
    const db = new Database(path)
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION)
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(LATEST_SCHEMA_VERSION)
    db.close()
  })

  it('opens a project saved by the last release and keeps its data', () => {
    const path = join(temp(), 'release.evident')
    copyFileSync(join(FIXTURES_DIR, 'projects', 'release-1.evident'), path)
    const session = ProjectSession.open(path)
    expect(readSchemaVersion(session.db)).toBe(LATEST_SCHEMA_VERSION)
    const titles = session.sources.list().map((s) => s.title)
    expect(titles).toEqual(['Fixture source from release 1'])
    expect(session.sources.get(session.sources.list()[0]!.id).text).toContain('The fixture paragraph.')
    session.close()
  })

  it('refuses a project from a newer version with a clear message and does not write to it', () => {
    const path = join(temp(), 'newer.evident')
    ProjectSession.create(path).close()
    const db = new Database(path)
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 5, 'future', 'later')
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const before = readFileSync(path)
    const error = errorOf(() => ProjectSession.open(path))
    expect(error.code).toBe('NEWER_PROJECT')
    expect(error.message).toMatch(/“newer\.evident” was saved by a newer version of Evident/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a file that is not a database, naming the file', () => {
    const path = join(temp(), 'notes.evident')
    writeFileSync(path, 'These are my notes, not a database.')
    const error = errorOf(() => ProjectSession.open(path))
    expect(error.code).toBe('NOT_A_PROJECT')
    expect(error.message).toContain('“notes.evident”')
    expect(readFileSync(path, 'utf8')).toBe('These are my notes, not a database.')
  })

  it('refuses an empty file and a SQLite database that is not an Evident project', () => {
    const empty = join(temp(), 'empty.evident')
    writeFileSync(empty, '')
    expect(errorOf(() => ProjectSession.open(empty)).code).toBe('NOT_A_PROJECT')
    const other = join(temp(), 'other.sqlite')
    const db = new Database(other)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const error = errorOf(() => ProjectSession.open(other))
    expect(error.code).toBe('NOT_A_PROJECT')
    expect(error.message).toMatch(/is a database, but not an Evident project/)
  })

  it('refuses a truncated project as damaged', () => {
    const path = join(temp(), 'truncated.evident')
    const session = ProjectSession.create(path)
    session.db.exec("INSERT INTO meta (key, value) VALUES ('filler', hex(randomblob(200000)))")
    session.db.pragma('wal_checkpoint(TRUNCATE)')
    session.close()
    truncateSync(path, 8192)
    const error = errorOf(() => ProjectSession.open(path))
    expect(['CORRUPT_FILE', 'NOT_A_PROJECT']).toContain(error.code)
    expect(error.message).toContain('“truncated.evident”')
  })

  it('refuses a read-only project rather than failing on the first save', () => {
    const path = join(temp(), 'locked.evident')
    ProjectSession.create(path).close()
    chmodSync(path, 0o444)
    const error = errorOf(() => ProjectSession.open(path))
    expect(error.code).toBe('READ_ONLY')
    expect(error.message).toMatch(/“locked\.evident” is read-only/)
  })

  it('says plainly when a project file does not exist', () => {
    const error = errorOf(() => ProjectSession.open(join(temp(), 'gone.evident')))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/“gone\.evident” does not exist/)
  })

  it('will not create a project over an existing file or in a missing folder', () => {
    const path = join(temp(), 'exists.evident')
    writeFileSync(path, 'keep me')
    expect(errorOf(() => ProjectSession.create(path)).code).toBe('CONFLICT')
    expect(readFileSync(path, 'utf8')).toBe('keep me')
    expect(errorOf(() => ProjectSession.create(join(temp(), 'no', 'such', 'folder.evident'))).code).toBe('IO_ERROR')
  })

  it('saves a consistent copy under another name', async () => {
    const session = ProjectSession.create(join(temp(), 'a.evident'))
    await session.saveCopy(join(temp(), 'b.evident'))
    const copy = ProjectSession.open(join(temp(), 'b.evident'))
    expect(copy.info().name).toBe('b')
    copy.close()
    await expect(session.saveCopy(join(temp(), 'b.evident'))).rejects.toMatchObject({ code: 'CONFLICT' })
    session.close()
  })
})
