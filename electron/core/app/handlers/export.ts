import type { Handlers } from '../../../shared/contract/index'
import { checkBrief, exportBriefToDocx } from '../../export/export-docx'
import type { CoreContext } from '../context'

type ExportHandlers = Pick<Handlers, Extract<keyof Handlers, `export.${string}`>>

export function exportHandlers(ctx: CoreContext): ExportHandlers {
  return {
    'export.check': async ({ briefId }) => checkBrief(ctx.session().db, briefId).report,
    'export.docx': async (options) => {
      const session = ctx.session()
      return exportBriefToDocx({ db: session.db, resourcesDir: ctx.options.resourcesDir, projectPath: session.path, settings: ctx.settings.get(), journal: ctx.tempJournal }, options)
    },
  }
}
