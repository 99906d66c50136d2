import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'

/** Evident's own temporary export files, and nothing else: ".evident-export-<12 hex>.tmp". */
export const TEMP_FILE_PATTERN = /^\.evident-export-[0-9a-f]{12}\.tmp$/

interface Entry {
  path: string
  pid: number
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Where exports in flight keep their temporary files, so one killed half-way (power cut, kill -9) leaves
 * nothing behind for long: the next start removes each listed file whose process is gone. Only names that
 * match TEMP_FILE_PATTERN are ever removed, so a damaged or edited journal cannot delete anything else.
 */
export class TempJournal {
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'export-temp-files.json')
  }

  private read(): Entry[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      if (!Array.isArray(parsed)) return []
      return parsed.filter((e): e is Entry => typeof e?.path === 'string' && Number.isInteger(e?.pid))
    } catch {
      return []
    }
  }

  private write(entries: Entry[]): void {
    try {
      const temp = `${this.file}.${process.pid}`
      writeFileSync(temp, JSON.stringify(entries))
      renameSync(temp, this.file)
    } catch {
      // The journal is a tidy-up aid; an export must not fail because the settings folder is unwritable.
    }
  }

  add(path: string): void {
    this.write([...this.read(), { path, pid: process.pid }])
  }

  remove(path: string): void {
    this.write(this.read().filter((e) => e.path !== path))
  }

  /** Removes the temporary files of exports whose process has gone; returns how many it removed. */
  sweep(): number {
    const entries = this.read()
    if (!entries.length) return 0
    let removed = 0
    const keep: Entry[] = []
    for (const entry of entries) {
      if (alive(entry.pid) && entry.pid !== process.pid) {
        keep.push(entry)
        continue
      }
      if (!TEMP_FILE_PATTERN.test(basename(entry.path))) continue
      try {
        rmSync(entry.path, { force: true })
        removed++
      } catch {
        keep.push(entry)
      }
    }
    this.write(keep)
    return removed
  }
}
