import { rmSync } from 'node:fs'
import { AppError } from '../../errors'
import type { Handlers } from '../../../shared/contract/index'
import { ProjectSession } from '../../project/session'
import { seedStarterCorpus } from '../../starter/corpus'
import type { CoreContext } from '../context'

type ProjectHandlers = Pick<
  Handlers,
  'project.info' | 'project.open' | 'project.create' | 'project.saveCopy' | 'project.recent'
>

/** Creates a project file, seeding it if asked; a failure removes the half-made file. */
export async function createProjectFile(path: string, starter: boolean, resourcesDir: string, app?: string): Promise<ProjectSession> {
  const session = ProjectSession.create(path, { app })
  if (!starter) return session
  try {
    await seedStarterCorpus(session, resourcesDir)
    return session
  } catch (error) {
    session.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    throw error
  }
}

export function projectHandlers(ctx: CoreContext): ProjectHandlers {
  return {
    'project.info': async () => ctx.session().info(),
    'project.open': async ({ file, readOnly }) => {
      const { path } = ctx.files.read(file)
      // An upload is a copy in a temporary folder: every change made to it would be lost with the folder.
      if (ctx.files.isTransferred(path)) throw new AppError('INVALID_INPUT', 'A project has to live on this computer: in browser mode, open it from Recent projects, or start Evident with --project FILE.')
      const session = ProjectSession.open(path, { readOnly, app: ctx.options.appName })
      ctx.switchTo(session)
      return session.info()
    },
    'project.create': async ({ file, starter }) => {
      const place = ctx.files.write(file)
      try {
        if (place.download) throw new AppError('INVALID_INPUT', 'A project has to live on this computer: in browser mode, start Evident with --project FILE, or use evident new.')
        const session = await createProjectFile(place.path, starter, ctx.options.resourcesDir, ctx.options.appName)
        ctx.switchTo(session)
        return session.info()
      } catch (error) {
        ctx.files.release(file)
        throw error
      }
    },
    'project.saveCopy': async ({ file }) => {
      const place = ctx.files.write(file)
      try {
        await ctx.session().saveCopy(place.path)
        return { name: place.name }
      } catch (error) {
        ctx.files.release(file)
        throw error
      }
    },
    'project.recent': async () => ctx.recent.list().map((recent) => ({ ...recent, file: ctx.files.forReading(recent.path, recent.name).handle })),
  }
}
