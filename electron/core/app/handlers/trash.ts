import type { Handlers } from '../../../shared/contract/index'
import { Trash } from '../../trash/trash'
import type { CoreContext } from '../context'

type TrashHandlers = Pick<Handlers, Extract<keyof Handlers, `trash.${string}`>>

export function trashOf(ctx: CoreContext): Trash {
  const session = ctx.session()
  return new Trash(session.db, session.sources)
}

/** Tells every window the Trash changed (its count for the badge), passing the result through. */
export function trashChanged<T>(ctx: CoreContext, result: T): T {
  ctx.events.emit('trash.changed', { count: trashOf(ctx).list().length })
  return result
}

export function trashHandlers(ctx: CoreContext): TrashHandlers {
  /** A restore can bring back sources, claims, briefs, tags and questions: every view refreshes. */
  const everythingChanged = <T>(result: T): T => {
    ctx.events.emit('sources.changed', { reason: 'restore' })
    ctx.events.emit('claims.changed', { reason: 'restore' })
    ctx.events.emit('project.changed', ctx.session().info())
    return trashChanged(ctx, result)
  }
  return {
    'trash.list': async () => trashOf(ctx).list(),
    'trash.restore': async ({ ids }) => everythingChanged(trashOf(ctx).restore(ids)),
    'trash.purge': async ({ ids }) => trashChanged(ctx, trashOf(ctx).purge(ids)),
    'trash.empty': async () => trashChanged(ctx, trashOf(ctx).empty()),
  }
}
