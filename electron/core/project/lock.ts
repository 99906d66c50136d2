import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename } from 'node:path'
import { z } from 'zod'
import { parseChecked } from '../db/stored'
import { AppError } from '../errors'

/** Who holds a project open for writing: enough to name them to the analyst and to tell a crash from a live one. */
export interface LockHolder {
  pid: number
  host: string
  /** "the Evident window", "Evident in browser mode", "the evident command line" */
  app: string
  since: string
}

// A lock written by an older or foreign Evident may lack the names: the process and host are what matter.
const storedHolder: z.ZodType<LockHolder> = z.object({ pid: z.number(), host: z.string(), app: z.string().catch('Evident'), since: z.string().catch('') })

/** Beside the project, like SQLite's own -wal and -shm. */
export function lockPathFor(projectPath: string): string {
  return `${projectPath}-lock`
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return parseChecked(storedHolder, readFileSync(lockPath, 'utf8')) ?? null
  } catch {
    return null
  }
}

/** On this machine a holder whose process has gone (a crash, a kill -9) left a stale lock; elsewhere we cannot tell. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Who holds this project's lock now, if anyone does. */
export function lockHolder(projectPath: string): LockHolder | null {
  return readHolder(lockPathFor(projectPath))
}

export function describeHolder(holder: LockHolder): string {
  const since = holder.since ? ` since ${holder.since.replace('T', ' ').slice(0, 16)}` : ''
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`
  return `${holder.app} (${where}${since})`
}

/** Locks this process holds, by lock file, with how many open sessions share each. */
const held = new Map<string, number>()

/**
 * One writer per project: a lock file made with O_EXCL holds the project for one process. Another process
 * that finds it is refused with the holder's name and may open the project read-only; a lock whose process
 * has died on this machine is stale and is cleared. Sessions of the same process share the lock.
 */
export class ProjectLock {
  private released = false

  private constructor(private readonly lockPath: string | null) {}

  static acquire(projectPath: string, app: string): ProjectLock {
    const lockPath = lockPathFor(projectPath)
    const shared = held.get(lockPath)
    if (shared) {
      held.set(lockPath, shared + 1)
      return new ProjectLock(lockPath)
    }
    const me: LockHolder = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(lockPath, 'wx', 0o644)
        try {
          writeSync(fd, JSON.stringify(me))
        } finally {
          closeSync(fd)
        }
        held.set(lockPath, 1)
        return new ProjectLock(lockPath)
      } catch (error) {
        // A folder that takes no lock file cannot be written at all: the open itself says so (see db/open.ts).
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return new ProjectLock(null)
      }
      const holder = readHolder(lockPath)
      if (holder && isAlive(holder)) {
        throw new AppError(
          'IN_USE',
          `“${basename(projectPath)}” is open in ${describeHolder(holder)}, which is writing to it. Close it there first, or open it read-only here.`,
        )
      }
      // Stale (its process is gone) or unreadable (a crash mid-write): clear it and try again.
      rmSync(lockPath, { force: true })
    }
    throw new AppError('IN_USE', `“${basename(projectPath)}” is being opened by another Evident at the same moment: try again.`)
  }

  release(): void {
    if (this.released || !this.lockPath) return
    this.released = true
    const count = (held.get(this.lockPath) ?? 1) - 1
    if (count > 0) return void held.set(this.lockPath, count)
    held.delete(this.lockPath)
    const holder = readHolder(this.lockPath)
    if (holder?.pid === process.pid) rmSync(this.lockPath, { force: true })
  }
}
