import type { Handlers } from '../../../shared/contract/index'
import { BriefRepository } from '../../briefs/repository'
import type { CoreContext } from '../context'
import { trashChanged } from './trash'

type BriefHandlers = Pick<Handlers, Extract<keyof Handlers, `briefs.${string}`>>

export function briefHandlers(ctx: CoreContext): BriefHandlers {
  const briefs = () => new BriefRepository(ctx.session().db)
  const changed = () => ctx.events.emit('project.changed', ctx.session().info())
  return {
    'briefs.list': async () => briefs().list(),
    'briefs.get': async ({ id }) => {
      const doc = briefs().get(id)
      const readOnly = ctx.session().info().readOnly
      // A read-only project shows every brief read-only, with the project's reason: the editor then cannot be typed in.
      return readOnly && !doc.readOnly ? { ...doc, readOnly: true, message: `${readOnly.reason} This brief cannot be changed here.` } : doc
    },
    'briefs.create': async ({ title, template, questionId }) => {
      const created = briefs().create(title, template, questionId)
      changed()
      return created
    },
    'briefs.save': async ({ id, content, baseRevision }) => briefs().save(id, content, baseRevision),
    'briefs.update': async ({ id, ...patch }) => briefs().update(id, patch),
    'briefs.duplicate': async ({ id }) => {
      const copy = briefs().duplicate(id)
      changed()
      return copy
    },
    'briefs.delete': async ({ id }) => {
      briefs().delete(id)
      changed()
      return trashChanged(ctx, { deleted: true })
    },
    'briefs.undelete': async ({ id }) => {
      const restored = briefs().undelete(id)
      changed()
      return trashChanged(ctx, restored)
    },
    'briefs.revisions': async ({ id }) => briefs().revisions(id),
    'briefs.restoreRevision': async ({ id, revisionId }) => briefs().restoreRevision(id, revisionId),
    'briefs.outline': async () => briefs().outline(),
  }
}
