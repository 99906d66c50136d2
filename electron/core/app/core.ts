import { existsSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
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
import { fileHandlers } from './handlers/files'
import { figureHandlers } from './handlers/figures'
import type { FileHandles } from './file-handles'
import { settingsHandlers } from './handlers/settings'
import { trashHandlers } from './handlers/trash'
import { zoteroHandlers } from './handlers/zotero'
import type { CoreOptions } from './options'
import { isAppError } from '../errors'
import { describeHolder, lockHolder } from '../project/lock'

export interface Core {
  handlers: Handlers
  events: EventHub
  /** For doors that choose files themselves: browser mode's uploads and downloads, the CLI's paths. */
  files: FileHandles
  openInitialProject(path?: string): Promise<ProjectInfo>
  openProject(path: string, readOnly?: boolean): Promise<ProjectInfo>
  createProject(path: string, starter: boolean): Promise<ProjectInfo>
  saveCopy(path: string): Promise<{ path: string }>
  recentProjects(): RecentProject[]
  currentProject(): ProjectInfo | null
  close(): void
}

export const DEFAULT_PROJECT_FILE = 'Evident Project.evident'

/**
 * The project Evident opens by itself at start: if another Evident is writing it (browser mode and the app
 * share the default project), this one still starts, read-only, and says why, rather than not starting.
 */
function openOrReadOnly(path: string, app?: string): ProjectSession {
  try {
    return ProjectSession.open(path, { app })
  } catch (error) {
    if (!isAppError(error) || error.code !== 'IN_USE') throw error
    const holder = lockHolder(path)
    const who = holder ? describeHolder(holder) : 'another Evident'
    return ProjectSession.open(path, { readOnly: true, readOnlyReason: `${who} is writing this project, so it is open here read-only.` })
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const ctx = new CoreContext(options)
  // An export killed half-way last time left its temporary file beside the target: remove it now.
  ctx.tempJournal.sweep()
  const handlers: Handlers = {
    ...projectHandlers(ctx),
    ...fileHandlers(ctx),
    ...sourceHandlers(ctx),
    ...claimHandlers(ctx),
    ...briefHandlers(ctx),
    ...citationHandlers(ctx),
    ...exportHandlers(ctx),
    ...settingsHandlers(ctx),
    ...trashHandlers(ctx),
    ...zoteroHandlers(),
    ...figureHandlers(ctx),
  }
  // The doors' own paths (a menu's native dialog, --project) become handles like the window's.
  const openProject = (path: string, readOnly?: boolean) => handlers['project.open']({ file: ctx.files.forReading(path).handle, readOnly })
  return {
    handlers,
    events: ctx.events,
    files: ctx.files,
    async openInitialProject(path) {
      if (path) return openProject(path)
      mkdirSync(options.userDataDir, { recursive: true })
      const defaultPath = join(options.userDataDir, DEFAULT_PROJECT_FILE)
      const session = existsSync(defaultPath)
        ? openOrReadOnly(defaultPath, options.appName)
        : await createProjectFile(defaultPath, true, options.resourcesDir, options.appName)
      ctx.switchTo(session)
      return session.info()
    },
    openProject,
    // The doors' own paths (a menu's native dialog, --project, the CLI) become handles like the window's.
    createProject: (path, starter) => handlers['project.create']({ file: ctx.files.forWriting({ path, name: basename(path), overwrite: false }).handle, starter }),
    saveCopy: async (path) => {
      await handlers['project.saveCopy']({ file: ctx.files.forWriting({ path, name: basename(path), overwrite: false }).handle })
      return { path }
    },
    recentProjects: () => ctx.recent.list(),
    currentProject: () => (ctx.hasSession() ? ctx.session().info() : null),
    close: () => ctx.close(),
  }
}
