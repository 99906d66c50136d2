import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { RecentProject } from '../../shared/dto/project'

const MAX_RECENT = 10

/** The recent-projects list, kept as a small JSON file beside the default project. */
export class RecentProjects {
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-projects.json')
  }

  list(): RecentProject[] {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown
      if (!Array.isArray(parsed)) return []
      return parsed
        .filter((r): r is RecentProject => typeof r?.path === 'string' && typeof r?.openedAt === 'string')
        .filter((r) => existsSync(r.path))
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
