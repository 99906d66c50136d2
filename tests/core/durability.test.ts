import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { toErrorPayload } from '../../electron/core/errors'
import { ProjectSession } from '../../electron/core/project/session'
import { refusal } from '../helpers/refusal'
import { useTempDir } from '../helpers/temp'

const insertNote = (session: ProjectSession, text: string) => {
  const bytes = new TextEncoder().encode(text)
  return session.sources.insert({
    fileName: `${text.slice(0, 12)}.txt`,
    bytes,
    sha256: Math.random().toString(16).slice(2).padEnd(64, '0'),
    document: { format: 'txt', mime: 'text/plain', blocks: [{ kind: 'paragraph', text }], metadata: {} },
  })
}
const waitFor = async (done: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 25))
  return done()
}

describe('saved means on disk, and the .evident file alone holds it', () => {
  const temp = useTempDir()

  it('acknowledges a change only once it is durable (synchronous=FULL with WAL)', () => {
    const session = ProjectSession.create(join(temp(), 'full.evident'))
    expect(session.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(session.db.pragma('synchronous', { simple: true })).toBe(2)
    session.close()
  })

  it('a copy of the .evident taken a few seconds after the last change, while the project is open, holds that change', async () => {
    const path = join(temp(), 'open.evident')
    const session = ProjectSession.create(path, { idleCheckpointMs: 300 })
    try {
      insertNote(session, 'Written just before the copy was taken.')
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(0)
      // Idle for the checkpoint's few seconds (here 300 ms): the journal is folded in and emptied.
      expect(await waitFor(() => statSync(`${path}-wal`).size === 0)).toBe(true)
      const copy = join(temp(), 'copy.evident')
      copyFileSync(path, copy)
      const db = new Database(copy, { readonly: true })
      expect(db.prepare('SELECT COUNT(*) AS n FROM sources').get()).toEqual({ n: 1 })
      db.close()
    } finally {
      session.close()
    }
  })

  it('a journal left beside the project by a crash is read back on the next open: nothing acknowledged is lost', () => {
    const path = join(temp(), 'crashed.evident')
    const session = ProjectSession.create(path, { idleCheckpointMs: 60_000 })
    try {
      insertNote(session, 'Acknowledged, still only in the journal when the power went.')
      // The file and its journal as a power cut leaves them: copied while the session is open, never closed.
      const crashed = join(temp(), 'after-crash.evident')
      copyFileSync(path, crashed)
      copyFileSync(`${path}-wal`, `${crashed}-wal`)
      expect(statSync(`${crashed}-wal`).size).toBeGreaterThan(0)
      const reopened = ProjectSession.open(crashed)
      expect(reopened.sources.list().map((s) => s.fileName)).toEqual(['Acknowledged.txt'])
      reopened.close()
      expect(existsSync(`${crashed}-wal`)).toBe(false)
    } finally {
      session.close()
    }
  })

  it('closing leaves no journal beside the project, and Save a copy writes a complete file', async () => {
    const path = join(temp(), 'closing.evident')
    const session = ProjectSession.create(path, { idleCheckpointMs: 60_000 })
    insertNote(session, 'Saved and then the project was closed.')
    await session.saveCopy(join(temp(), 'saved-copy.evident'))
    session.close()
    expect(existsSync(`${path}-wal`)).toBe(false)
    for (const file of [path, join(temp(), 'saved-copy.evident')]) {
      const db = new Database(file, { readonly: true })
      expect(db.prepare('SELECT COUNT(*) AS n FROM sources').get()).toEqual({ n: 1 })
      db.close()
    }
  })
})

/** A small tmpfs of our own (root only): the only honest way to meet a full or read-only disk. */
function mountTmpfs(sizeKb: number): string | null {
  if (process.getuid?.() !== 0) return null
  const dir = mkdtempSync(join(tmpdir(), 'evident-mount-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
}
function unmount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' })
  rmSync(dir, { recursive: true, force: true })
}

describe('plain, true messages for the disk the project is on', () => {
  const mounts: string[] = []
  afterEach(() => {
    for (const dir of mounts.splice(0)) unmount(dir)
  })
  /** A project with one note, on a fresh tmpfs of `sizeKb`; null (and a printed reason) where none can be made. */
  const projectOnDisk = (sizeKb: number, name: string, note: string) => {
    const dir = mountTmpfs(sizeKb)
    if (!dir) {
      console.log('skipped: needs root and mount(8) to make a small tmpfs')
      return null
    }
    mounts.push(dir)
    const path = join(dir, name)
    const session = ProjectSession.create(path)
    insertNote(session, note)
    return { dir, path, session }
  }

  it('a healthy project on a read-only disk is called read-only, not damaged, and is left as it was', () => {
    const disk = projectOnDisk(4096, 'healthy.evident', 'A healthy project.')
    if (!disk) return
    const { dir, path, session } = disk
    session.close()
    const before = readFileSync(path)
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const error = refusal(() => ProjectSession.open(path))
    expect(error.code).toBe('READ_ONLY')
    expect(error.message).not.toMatch(/damaged|truncated|backup/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('a full disk says so (IO_ERROR, not INTERNAL), and what was saved before is still there', () => {
    const disk = projectOnDisk(1024, 'full.evident', 'Saved before the disk filled.')
    if (!disk) return
    const { path, session } = disk
    let failure: unknown = null
    for (let i = 0; i < 200 && !failure; i++) {
      try {
        insertNote(session, `Filler ${i} ${'x'.repeat(20_000)}`)
      } catch (error) {
        failure = error
      }
    }
    session.close()
    expect(toErrorPayload(failure)).toEqual({ code: 'IO_ERROR', message: 'The disk is full, so the change was not saved. Free some space and try again.' })
    const reopened = new Database(path, { readonly: true })
    expect(reopened.prepare("SELECT COUNT(*) AS n FROM sources WHERE file_name LIKE 'Saved before%'").get()).toEqual({ n: 1 })
    reopened.close()
  })
})
