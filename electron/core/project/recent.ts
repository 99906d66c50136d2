import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { z } from 'zod'
import type { RecentProject } from '../../shared/dto/project'
import { parseChecked } from '../db/stored'

const MAX_RECENT = 10
const storedEntry: z.ZodType<RecentProject> = z.object({ path: z.string(), name: z.string().catch(''), openedAt: z.string() })

/** The recent-projects list, kept as a small JSON file beside the default project. */
export class RecentProjects {
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-projects.json')
  }

  list(): RecentProject[] {
    try {
      // Each entry is checked on its own: one damaged entry drops out, not the whole list.
      const entries = parseChecked(z.array(z.unknown()), readFileSync(this.file, 'utf8')) ?? []
      return entries.flatMap((entry) => {
        const parsed = storedEntry.safeParse(entry)
        return parsed.success && existsSync(parsed.data.path) ? [parsed.data] : []
      })
    } catch {
      return []
    }
  }

  add(path: string): void {
    const entry: RecentProject = { path, name: basename(path, extname(path)), openedAt: new Date().toISOString() }
    const next = [entry, ...this.list().filter((r) => r.path !== path)].slice(0, MAX_RECENT)
    mkdirSync(join(this.file, '..'), { recursive: true })
    const temp = `${this.file}.tmp`
    writeFileSync(temp, JSON.stringify(next, null, 2))
    renameSync(temp, this.file)
  }
}
