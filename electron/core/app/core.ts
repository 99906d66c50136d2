import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Handlers } from '../../shared/contract/index'
import type { ProjectInfo, RecentProject } from '../../shared/dto/project'
import { ProjectSession } from '../project/session'
import { CoreContext } from './context'
import type { EventHub } from './events'
import { createProjectFile, projectHandlers } from './handlers/project'
import { sourceHandlers } from './handlers/sources'
import { claimHandlers } from './handlers/claims'
import { briefHandlers } from './handlers/briefs'
import { citationHandlers } from './handlers/citations'
import { exportHandlers } from './handlers/export'
import type { CoreOptions } from './options'

export interface Core {
  handlers: Handlers
  events: EventHub
  openInitialProject(path?: string): Promise<ProjectInfo>
  openProject(path: string): Promise<ProjectInfo>
  createProject(path: string, starter: boolean): Promise<ProjectInfo>
  saveCopy(path: string): Promise<{ path: string }>
  recentProjects(): RecentProject[]
  currentProject(): ProjectInfo | null
  close(): void
}

export const DEFAULT_PROJECT_FILE = 'Evident Project.evident'

export async function createCore(options: CoreOptions): Promise<Core> {
  const ctx = new CoreContext(options)
  const handlers: Handlers = {
    ...projectHandlers(ctx),
    ...sourceHandlers(ctx),
    ...claimHandlers(ctx),
    ...briefHandlers(ctx),
    ...citationHandlers(ctx),
    ...exportHandlers(ctx),
  }
  return {
    handlers,
    events: ctx.events,
    async openInitialProject(path) {
      if (path) return handlers['project.open']({ path })
      mkdirSync(options.userDataDir, { recursive: true })
      const defaultPath = join(options.userDataDir, DEFAULT_PROJECT_FILE)
      const session = existsSync(defaultPath)
        ? ProjectSession.open(defaultPath)
        : await createProjectFile(defaultPath, true, options.resourcesDir)
      ctx.switchTo(session)
      return session.info()
    },
    openProject: (path) => handlers['project.open']({ path }),
    createProject: (path, starter) => handlers['project.create']({ path, starter }),
    saveCopy: (path) => handlers['project.saveCopy']({ path }),
    recentProjects: () => ctx.recent.list(),
    currentProject: () => (ctx.hasSession() ? ctx.session().info() : null),
    close: () => ctx.close(),
  }
}
