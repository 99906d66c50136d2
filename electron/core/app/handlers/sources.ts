import type { Handlers } from '../../../shared/contract/index'
import { followSourceTitle } from '../../claims/fts'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import { inputFromBase64, inputFromPath, runImportBatch, sha256Of, type ImportInput } from '../../sources/import-batch'
import { webAddress } from '../../net/address'
import { inputFromAddress } from '../../sources/address-input'
import { inputFromZotero } from '../../sources/zotero-input'
import { parseReferenceRecords } from '../../sources/references'
import { searchSources } from '../../sources/search'
import { ocrWordsOf } from '../../sources/ocr-words'
import type { CoreContext } from '../context'
import { lookupHandlers } from '../lookups'
import { allSources, checkSourcesOnline, citedSources } from '../online-check'
import { pageVersionHandlers } from '../page-versions'
import { replaceSourceText } from '../reimport'
import { attachOrphans } from '../../claims/orphans'
import { Trash } from '../../trash/trash'
import { trashChanged, trashOf } from './trash'

type SourceHandlers = Pick<Handlers, Extract<keyof Handlers, `sources.${string}`>>

export function sourceHandlers(ctx: CoreContext): SourceHandlers {
  const running = new Map<string, AbortController>()
  const lookups = lookupHandlers(ctx)
  const pageVersions = pageVersionHandlers(ctx)

  /** Starts a batch in the background; progress and the summary arrive as events. */
  function startBatch(inputs: ImportInput[]) {
    const session = ctx.session()
    session.assertWritable()
    const batchId = newId()
    const controller = new AbortController()
    running.set(batchId, controller)
    void runImportBatch(session.sources, inputs, {
      parser: ctx.parser,
      batchId,
      signal: controller.signal,
      onProgress: (progress) => ctx.events.emit('import.progress', progress),
      findTrashed: (sha256) => new Trash(session.db, session.sources).findSourceWithBytes(sha256),
      afterInsert: (sourceId, sha256) => attachOrphans(session.db, sourceId, sha256),
      onRecordTitle: (sourceId, title) => followSourceTitle(session.db, sourceId, title),
    })
      .then((summary) => {
        ctx.events.emit('import.done', summary)
        if (summary.imported.length || summary.references?.some((r) => r.updated.length)) {
          ctx.events.emit('sources.changed', { reason: 'import' })
          ctx.events.emit('project.changed', session.info())
          // Re-attached orphans change the claims.
          ctx.events.emit('claims.changed', { reason: 'import' })
        }
      })
      .finally(() => running.delete(batchId))
    return { batchId, total: inputs.length }
  }

  return {
    'sources.list': async () => ctx.session().sources.list(),
    'sources.get': async ({ id }) => ctx.session().sources.get(id),
    // Every handle is checked before any file is read, so a forged one refuses the batch, not half of it.
    'sources.import': async ({ files }) => startBatch(files.map((handle) => ctx.files.read(handle)).map(({ path, name }) => inputFromPath(path, name))),
    'sources.importData': async ({ files }) => startBatch(files.map((f) => inputFromBase64(f.name, f.dataBase64))),
    'sources.importAddresses': async ({ addresses }) => {
      // Every address is checked before any is fetched, so a mistyped one refuses the batch, not half of it.
      for (const address of addresses) webAddress(address)
      return startBatch(addresses.map(inputFromAddress))
    },
    'sources.importZotero': async ({ keys }) => startBatch([...new Set(keys)].map(inputFromZotero)),
    'sources.cancelImport': async ({ batchId }) => {
      const controller = running.get(batchId)
      controller?.abort()
      return { cancelled: Boolean(controller) }
    },
    'sources.updateRecord': async ({ id, csl, origins }) => {
      const { db, sources } = ctx.session()
      db.transaction(() => followSourceTitle(db, id, sources.updateRecord(id, csl, origins)))()
      ctx.events.emit('sources.changed', { reason: 'update' })
      return sources.get(id)
    },
    'sources.lookup': async ({ id, identifier, kind }) => lookups.lookup(id, identifier, kind),
    'sources.acceptLookup': async ({ id, lookupId, fields }) => lookups.accept(id, lookupId, fields),
    'sources.confirmFields': async ({ id, fields }) => {
      const sources = ctx.session().sources
      sources.confirmFields(id, fields)
      ctx.events.emit('sources.changed', { reason: 'update' })
      return sources.get(id)
    },
    'sources.removeImpact': async ({ id }) => {
      const sources = ctx.session().sources
      if (!sources.exists(id)) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
      return { sourceId: id, claimCount: sources.claimCount(id) }
    },
    'sources.remove': async ({ id }) => {
      const session = ctx.session()
      const orphanedClaims = trashOf(ctx).items.trashSource(id)
      ctx.events.emit('sources.changed', { reason: 'remove' })
      ctx.events.emit('project.changed', session.info())
      return trashChanged(ctx, { orphanedClaims })
    },
    'sources.original': async ({ id }) => {
      const file = ctx.session().sources.original(id)
      return { fileName: file.fileName, mime: file.mime, sha256: file.sha256, dataBase64: file.data.toString('base64') }
    },
    'sources.originalRange': async ({ id, offset, length }) => {
      const piece = ctx.session().sources.originalRange(id, offset, length)
      return { fileName: piece.fileName, mime: piece.mime, size: piece.size, offset: piece.offset, dataBase64: piece.data.toString('base64') }
    },
    'sources.ocrWords': async ({ id, page }) => ocrWordsOf(ctx.session().db, id, page),
    'sources.originalView': async ({ id }) => {
      const { format } = ctx.session().sources.get(id)
      if (format !== 'html' && format !== 'docx') throw new AppError('UNSUPPORTED_FORMAT', `This source is a ${format} file: only saved web pages and Word documents are laid out this way.`)
      const file = ctx.session().sources.original(id)
      return ctx.parser.render({ fileName: file.fileName, format, bytes: file.data })
    },
    'sources.search': async ({ query, limit }) => searchSources(ctx.session().db, query, limit),
    'sources.importNewVersion': async ({ id, file }) => {
      const session = ctx.session()
      const chosen = ctx.files.read(file)
      const input = inputFromPath(chosen.path, chosen.name)
      const { bytes } = await input.load()
      const sha256 = await sha256Of(bytes)
      const document = await ctx.parser.parse({ fileName: input.fileName, bytes })
      const summary = replaceSourceText(session, id, document, { fileName: input.fileName, bytes, sha256 })
      ctx.events.emit('sources.changed', { reason: 'update' })
      ctx.events.emit('claims.changed', { reason: 'reanchor' })
      return { sourceId: id, anchored: summary.anchored, changed: summary.changed, orphaned: summary.orphaned }
    },
    'sources.parseRecords': async ({ text }) => parseReferenceRecords(text, ctx.session().sources.allRecords()),
    'sources.checkOnline': async ({ briefId }) => {
      const session = ctx.session()
      const sources = briefId ? citedSources(session.db, briefId) : allSources(session.db)
      const crossref = await checkSourcesOnline(session.db, sources, { store: !session.readOnly })
      const pages = await pageVersions.recheck(sources)
      const report = { ...crossref, pages, changedQuotes: pages.flatMap((p) => p.quotes).filter((q) => q.fate === 'changed' || q.fate === 'gone').length }
      if (report.stored && report.results.some((r) => r.outcome === 'checked')) {
        ctx.events.emit('sources.changed', { reason: 'update' })
        // Claim cards carry their source's most serious notice.
        ctx.events.emit('claims.changed', { reason: 'source-notices' })
      }
      return report
    },
    'sources.takeFetchedPage': async ({ id, checkId }) => pageVersions.take(id, checkId),
    'sources.keepSnapshot': async ({ id, checkId }) => pageVersions.keep(id, checkId),
  }
}
