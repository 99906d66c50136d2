import type { Handlers } from '../../../shared/contract/index'
import { loadSnapshots } from '../../briefs/snapshot'
import { QuestionRepository } from '../../claims/questions'
import { BriefRepository } from '../../briefs/repository'
import { ClaimRepository } from '../../claims/repository'
import { placeOnPages } from '../../claims/pdf-place'
import { searchClaims } from '../../claims/search'
import { dismissSuggestion, suggestClaims } from '../../claims/suggest'
import { TagRepository } from '../../claims/tags'
import { AppError } from '../../errors'
import type { CoreContext } from '../context'
import { trashOf, trashChanged } from './trash'

type ClaimHandlers = Pick<Handlers, Extract<keyof Handlers, `claims.${string}` | `tags.${string}` | `questions.${string}`>>

export function claimHandlers(ctx: CoreContext): ClaimHandlers {
  const claims = () => new ClaimRepository(ctx.session().db)
  const tags = () => new TagRepository(ctx.session().db)
  const questions = () => new QuestionRepository(ctx.session().db)
  /** Runs a write and tells every window that claims (or what they show) changed. */
  const changed = <T>(reason: string, write: () => T): T => {
    const result = write()
    ctx.events.emit('claims.changed', { reason })
    return result
  }

  return {
    'claims.create': async (input) => changed('create', () => claims().create(input)),
    'claims.placeOnPages': async ({ sourceId, findings }) => changed('placed', () => placeOnPages(ctx.session().db, sourceId, findings)),
    'claims.citeWholeWork': async (input) => changed('create', () => claims().citeWholeWork(input)),
    'claims.update': async ({ id, patch }) => changed('update', () => claims().update(id, patch)),
    'claims.delete': async ({ id }) => trashChanged(ctx, changed('delete', () => ({ deleted: trashOf(ctx).items.trashClaim(id) }))),
    'claims.citedBy': async ({ id }) => {
      if (!claims().exists(id)) throw new AppError('NOT_FOUND', 'That claim is no longer in this project.')
      return new BriefRepository(ctx.session().db).citing(id)
    },
    'claims.get': async ({ id }) => claims().get(id),
    'claims.getMany': async ({ ids }) => claims().getMany(ids),
    'claims.snapshot': async ({ ids }) => loadSnapshots(ctx.session().db, ids),
    'claims.forSource': async ({ sourceId }) => claims().forSource(sourceId),
    'claims.search': async (query) => searchClaims(ctx.session().db, query),
    'claims.reattach': async ({ id, ...selection }) => changed('reattach', () => claims().reattach(id, selection)),
    'claims.resolveQuoteChange': async ({ id, decision }) => changed('quote', () => claims().resolveQuoteChange(id, decision)),
    'claims.suggestions': async ({ sourceId }) => suggestClaims(ctx.session().db, sourceId),
    'claims.dismissSuggestion': async ({ sourceId, key }) => dismissSuggestion(ctx.session().db, sourceId, key),
    'tags.list': async () => tags().list(),
    'tags.create': async ({ name, parentId }) => changed('tags', () => tags().create(name, parentId)),
    'tags.rename': async ({ id, name }) => changed('tags', () => tags().rename(id, name)),
    'tags.move': async ({ id, parentId }) => changed('tags', () => tags().move(id, parentId)),
    'tags.merge': async ({ fromId, intoId }) => changed('tags', () => tags().merge(fromId, intoId)),
    'tags.delete': async ({ id, force }) => trashChanged(ctx, changed('tags', () => trashOf(ctx).items.trashTag(id, force))),
    'questions.list': async () => questions().list(),
    'questions.create': async ({ text }) => changed('questions', () => questions().create(text)),
    'questions.rename': async ({ id, text }) => changed('questions', () => questions().rename(id, text)),
    'questions.delete': async ({ id, force }) => trashChanged(ctx, changed('questions', () => trashOf(ctx).items.trashQuestion(id, force))),
  }
}
