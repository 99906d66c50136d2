import type { CslItem } from '../../shared/dto/csl'
import type { IdentifierKindName, LookupResult } from '../../shared/dto/lookup'
import { followSourceTitle } from '../claims/fts'
import { AppError } from '../errors'
import { newId } from '../ids'
import { parseIdentifier } from '../net/lookup/identifiers'
import { lookUp, type LookupService } from '../net/lookup/services'
import { recordDifferences } from '../sources/record-diff'
import type { CoreContext } from './context'

interface Pending {
  sourceId: string
  service: LookupService
  record: Partial<CslItem>
}

/** Answers kept for accepting: a handful is plenty (one per open record form), and old ones go first. */
const MAX_PENDING = 50

/**
 * Identifier lookups: fetch a record and show it as a difference with the source's record (nothing written),
 * then write only the fields the analyst accepts, each recorded as "from" the service that sent it. The
 * answer stays in the core between the two steps, so a field can be accepted as from Crossref only if
 * Crossref sent it.
 */
export function lookupHandlers(ctx: CoreContext) {
  const pending = new Map<string, Pending>()
  return {
    async lookup(id: string, text: string, kind?: IdentifierKindName): Promise<LookupResult> {
      const identifier = parseIdentifier(text, kind)
      const current = ctx.session().sources.get(id).csl
      const found = await lookUp(identifier)
      const lookupId = newId()
      pending.set(lookupId, { sourceId: id, service: found.service, record: found.record })
      if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!)
      return { lookupId, sourceId: id, service: found.service, identifier, ...recordDifferences(current, found.record) }
    },
    accept(id: string, lookupId: string, fields: string[]) {
      const answer = pending.get(lookupId)
      if (!answer || answer.sourceId !== id) throw new AppError('NOT_FOUND', 'That lookup is no longer open: look the identifier up again.')
      const { db, sources } = ctx.session()
      const current = sources.get(id).csl
      const unknown = fields.filter((field) => answer.record[field] === undefined || field === 'id')
      if (unknown.length) throw new AppError('INVALID_INPUT', `${answer.service} did not send ${unknown.join(', ')}, so there is nothing to accept for it.`)
      const next: CslItem = { ...current }
      for (const field of fields) next[field] = answer.record[field]
      const origins = Object.fromEntries(fields.map((field) => [field, { kind: 'lookup' as const, detail: answer.service }]))
      db.transaction(() => followSourceTitle(db, id, sources.updateRecord(id, next, origins)))()
      ctx.events.emit('sources.changed', { reason: 'update' })
      return sources.get(id)
    },
  }
}
