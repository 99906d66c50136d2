import type { NewVersionResult } from '../../shared/dto/sources'
import type { PageCheckResult } from '../../shared/dto/source-updates'
import type { CoreContext } from './context'
import { missingPage, recheckPage, webSourcesAmong, type FetchedPage } from './page-recheck'
import { replaceSourceText } from './reimport'

/** Fetched pages are up to 100 MB each: hold only the last few, the oldest going first. */
const MAX_HELD = 8

/**
 * Web pages fetched again by Check sources: each result says what became of every quote; a page whose text
 * differs is held here until the analyst takes it (it becomes the source's new version, through the same
 * re-anchoring as Source › New version…) or keeps the stored snapshot (it is dropped).
 */
export function pageVersionHandlers(ctx: CoreContext) {
  const held = new Map<string, FetchedPage>()
  return {
    async recheck(sources: readonly { id: string; title: string }[], signal?: AbortSignal): Promise<PageCheckResult[]> {
      const { db } = ctx.session()
      const titles = new Map(sources.map((s) => [s.id, s.title]))
      const results: PageCheckResult[] = []
      for (const web of webSourcesAmong(db, sources.map((s) => s.id))) {
        const { result, page } = await recheckPage(db, ctx.parser, { id: web.id, title: titles.get(web.id) ?? '', address: web.address }, signal)
        if (page && result.checkId) {
          held.set(result.checkId, page)
          if (held.size > MAX_HELD) held.delete(held.keys().next().value!)
        }
        results.push(result)
      }
      return results
    },
    take(id: string, checkId: string): NewVersionResult {
      const session = ctx.session()
      session.assertWritable()
      const page = held.get(checkId)
      if (!page || page.sourceId !== id) throw missingPage()
      const summary = session.db.transaction(() => {
        const done = replaceSourceText(session, id, page.document, page.file)
        session.sources.setWebSnapshot(id, page.web)
        return done
      })()
      held.delete(checkId)
      ctx.events.emit('sources.changed', { reason: 'update' })
      ctx.events.emit('claims.changed', { reason: 'reanchor' })
      return { sourceId: id, anchored: summary.anchored, changed: summary.changed, orphaned: summary.orphaned }
    },
    keep(id: string, checkId: string): { kept: boolean } {
      const page = held.get(checkId)
      if (page?.sourceId === id) held.delete(checkId)
      return { kept: true }
    },
  }
}
