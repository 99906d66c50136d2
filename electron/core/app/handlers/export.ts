import type { Handlers } from '../../../shared/contract/index'
import { checkBrief, exportBriefToDocx } from '../../export/export-docx'
import type { CoreContext } from '../context'

type ExportHandlers = Pick<Handlers, Extract<keyof Handlers, `export.${string}`>>

export function exportHandlers(ctx: CoreContext): ExportHandlers {
  return {
    'export.check': async ({ briefId }) => checkBrief(ctx.session().db, briefId).report,
    'export.docx': async ({ target, ...options }) => {
      const session = ctx.session()
      const place = ctx.files.write(target)
      try {
        const result = await exportBriefToDocx(
          { db: session.db, resourcesDir: ctx.options.resourcesDir, projectPath: session.path, settings: ctx.settings.get(), journal: ctx.tempJournal },
          { ...options, outPath: place.path, overwrite: place.overwrite },
        )
        // The window learns the name it chose, never where the door put it.
        return { ...result, path: place.name }
      } catch (error) {
        ctx.files.release(target)
        throw error
      }
    },
  }
}
