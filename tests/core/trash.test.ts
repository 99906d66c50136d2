import { describe, expect, it } from 'vitest'
import { citationsOf } from '../../electron/core/briefs/content'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import type { IntegrityReport } from '@shared/dto/citations'
import type { Claim, ClaimPage, Question, Tag } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import type { CitingBrief, TrashEntry } from '@shared/dto/trash'
import { MAX_TRASH_IDS } from '@shared/limits'
import { importDone, useStarterCore } from '../helpers/core-on-project'

/** Everything the analyst can see, to prove a refused operation changed none of it. */
async function everything(call: (m: string, a: unknown) => Promise<unknown>) {
  return {
    sources: await call('sources.list', {}),
    claims: await call('claims.search', { limit: 500 }),
    briefs: await call('briefs.list', {}),
    tags: await call('tags.list', {}),
    questions: await call('questions.list', {}),
    trash: await call('trash.list', {}),
  }
}

describe('the Trash gives everything back', () => {
  const starter = useStarterCore()
  const { call } = starter
  const trash = async () => (await call('trash.list', {})) as TrashEntry[]
  const claimsOf = async (sourceId: string) => ((await call('claims.search', { sourceId, limit: 500 })) as ClaimPage).items
  const allClaims = async () => ((await call('claims.search', { limit: 500 })) as ClaimPage).items
  const brief = async () => {
    const [summary] = (await call('briefs.list', {})) as BriefSummary[]
    return (await call('briefs.get', { id: summary!.id })) as BriefDocument
  }
  const citedSource = async () => {
    const cited = new Set(citationsOf((await brief()).content).map((c) => c.claimId))
    const sources = (await call('sources.list', {})) as SourceSummary[]
    for (const source of sources) {
      const claims = await claimsOf(source.id)
      if (claims.some((c) => cited.has(c.id))) return { source, claims, cited: claims.filter((c) => cited.has(c.id)) }
    }
    throw new Error('test setup: the starter brief cites no source')
  }
  const importAgain = (file: { fileName: string; dataBase64: string }) =>
    importDone(starter.core, () => call('sources.importData', { files: [{ name: file.fileName, dataBase64: file.dataBase64 }] }))
  const check = async () => (await call('export.check', { briefId: (await brief()).id })) as IntegrityReport


  it('a removed source waits in the Trash with its original file; restoring it anchors its claims and its citations again', async () => {
    const { source, claims } = await citedSource()
    const original = (await call('sources.original', { id: source.id })) as { dataBase64: string }
    const before = await check()
    await call('sources.remove', { id: source.id })

    const [entry] = await trash()
    expect(entry).toMatchObject({ kind: 'source', itemId: source.id, name: source.title })
    expect(entry!.detail).toContain(`${claims.length} claims`)
    const orphaned = (await allClaims()).filter((c) => claims.some((k) => k.id === c.id))
    expect(orphaned.map((c) => c.status)).toEqual(claims.map(() => 'orphaned'))
    expect(((await check()).items.some((i) => i.status === 'orphaned'))).toBe(true)

    expect(await call('trash.restore', { ids: [entry!.id] })).toMatchObject({ restored: [{ kind: 'source', itemId: source.id }] })
    expect(await trash()).toEqual([])
    expect((await claimsOf(source.id)).map((c) => [c.id, c.status])).toEqual(claims.map((c) => [c.id, c.status]))
    expect(((await call('sources.original', { id: source.id })) as { dataBase64: string }).dataBase64).toBe(original.dataBase64)
    const words = (await call('sources.get', { id: source.id }) as { text: string }).text.split(/\s+/).find((w) => w.length > 8)!
    expect(((await call('sources.search', { query: words })) as { sourceId: string }[]).some((h) => h.sourceId === source.id)).toBe(true)
    expect(await check()).toEqual(before)
  })

  it('importing the same bytes as a source in the Trash imports nothing and offers that source back; restoring it brings its claims', async () => {
    const { source } = await citedSource()
    const original = (await call('sources.original', { id: source.id })) as { fileName: string; dataBase64: string }
    const count = ((await call('sources.list', {})) as SourceSummary[]).length
    await call('sources.remove', { id: source.id })
    const [entry] = await trash()
    const summary = await importAgain(original)
    expect(summary.imported).toEqual([])
    expect(summary.inTrash).toEqual([{ fileName: original.fileName, trashId: entry!.id, sourceId: source.id, title: source.title, detail: entry!.detail }])
    // Nothing changed until the analyst takes the offer: no copy, the source still in the Trash.
    expect(((await call('sources.list', {})) as SourceSummary[]).length).toBe(count - 1)
    expect((await trash()).map((e) => e.id)).toEqual([entry!.id])
    await call('trash.restore', { ids: [summary.inTrash![0]!.trashId] })
    expect(((await call('sources.list', {})) as SourceSummary[]).length).toBe(count)
    expect((await claimsOf(source.id)).every((c) => c.status === 'anchored')).toBe(true)
    expect(await trash()).toEqual([])
  })

  it('after the Trash is emptied, the original is gone and its orphaned claims re-attach when the same bytes are imported', async () => {
    const { source, claims } = await citedSource()
    const original = (await call('sources.original', { id: source.id })) as { fileName: string; dataBase64: string }
    await call('sources.remove', { id: source.id })
    expect(await call('trash.empty', {})).toEqual({ purged: 1 })
    await expect(call('sources.original', { id: source.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await allClaims()).filter((c) => claims.some((k) => k.id === c.id)).every((c) => c.status === 'orphaned' && c.sourceId === null)).toBe(true)

    const summary = await importAgain(original)
    const newId = summary.imported[0]!.sourceId
    expect(newId).not.toBe(source.id)
    expect(summary.imported[0]!.reattachedClaims).toBe(claims.length)
    const back = await claimsOf(newId)
    expect(back.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort())
    expect(back.every((c) => c.status === 'anchored')).toBe(true)
    expect(back.map((c) => c.quote).sort()).toEqual(claims.map((c) => c.quote).sort())
    expect((await check()).items.every((i) => i.status === 'ok')).toBe(true)
  })

  it('deleting a claim names the briefs that cite it; the export check says it is in the Trash; restoring resolves it again', async () => {
    const { cited } = await citedSource()
    const claim = cited[0]!
    const doc = await brief()
    const times = citationsOf(doc.content).filter((c) => c.claimId === claim.id).length
    expect((await call('claims.citedBy', { id: claim.id })) as CitingBrief[]).toEqual([{ briefId: doc.id, title: doc.title, citations: times }])
    const before = await check()

    await call('claims.delete', { id: claim.id })
    const item = (await check()).items.find((i) => i.claimId === claim.id)!
    expect(item).toMatchObject({ status: 'deleted', detail: expect.stringContaining('in the Trash') })
    const [entry] = await trash()
    expect(entry).toMatchObject({ kind: 'claim', itemId: claim.id })

    await call('trash.restore', { ids: [entry!.id] })
    const back = (await call('claims.get', { id: claim.id })) as Claim
    expect(back).toMatchObject({ id: claim.id, quote: claim.quote, tagIds: claim.tagIds, stances: claim.stances, status: 'anchored' })
    expect(((await call('claims.search', { text: claim.quote.split(' ').slice(0, 3).join(' ') })) as ClaimPage).items.some((c) => c.id === claim.id)).toBe(true)
    expect(await check()).toEqual(before)
  })

  it('a claim whose source is in the Trash too is refused alone, with the reason, and comes back with its source', async () => {
    const { source, claims } = await citedSource()
    await call('claims.delete', { id: claims[0]!.id })
    await call('sources.remove', { id: source.id })
    const [sourceEntry, claimEntry] = (await trash()).sort((a) => (a.kind === 'source' ? -1 : 1))
    expect(claimEntry).toMatchObject({ kind: 'claim', needs: sourceEntry!.id })
    const unchanged = await everything(call)
    const refusal = await call('trash.restore', { ids: [claimEntry!.id] }).catch((e: { code: string; message: string }) => e)
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`“${source.title}”, which is in the Trash too`) })
    expect(await everything(call)).toEqual(unchanged)

    await call('trash.restore', { ids: [claimEntry!.id, sourceEntry!.id] })
    expect((await claimsOf(source.id)).map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort())
  })

  it('tags, questions and briefs come back with their links; delete forever takes only what it is given', async () => {
    const tag = (await call('tags.create', { name: 'Rural access' })) as Tag
    const question = (await call('questions.create', { text: 'Is the partnership model over?' })) as Question
    const claim = (await allClaims())[0]!
    await call('claims.update', { id: claim.id, patch: { tagIds: [tag.id], stances: [{ questionId: question.id, stance: 'supports' }] } })
    const doc = await brief()
    await call('briefs.update', { id: doc.id, questionId: question.id })

    await call('tags.delete', { id: tag.id, force: true })
    await call('questions.delete', { id: question.id, force: true })
    await call('briefs.delete', { id: doc.id })
    expect((await trash()).map((e) => e.kind).sort()).toEqual(['brief', 'question', 'tag'])
    expect(((await call('claims.get', { id: claim.id })) as Claim).tagIds).toEqual([])

    await call('trash.restore', { ids: (await trash()).filter((e) => e.kind !== 'brief').map((e) => e.id) })
    expect(((await call('claims.get', { id: claim.id })) as Claim)).toMatchObject({ tagIds: [tag.id], stances: [{ questionId: question.id, stance: 'supports' }] })
    expect(((await call('claims.search', { text: 'rural' })) as ClaimPage).items.map((c) => c.id)).toContain(claim.id)

    const [briefEntry] = await trash()
    expect(briefEntry).toMatchObject({ kind: 'brief', itemId: doc.id, name: doc.title })
    await call('trash.restore', { ids: [briefEntry!.id] })
    expect((await brief())).toMatchObject({ id: doc.id, questionId: question.id })
    await call('briefs.delete', { id: doc.id })
    expect(await call('trash.purge', { ids: [doc.id] })).toEqual({ purged: 1 })
    await expect(call('briefs.get', { id: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await trash()).toEqual([])
  })

  it('a restore that clashes with something made since fails whole and leaves the project as it was', async () => {
    const first = (await call('tags.create', { name: 'Rural access' })) as Tag
    const question = (await call('questions.create', { text: 'Is the partnership model over?' })) as Question
    await call('tags.delete', { id: first.id })
    await call('questions.delete', { id: question.id })
    await call('tags.create', { name: 'rural ACCESS' })
    const unchanged = await everything(call)
    const ids = (await trash()).map((e) => e.id)
    const refusal = await call('trash.restore', { ids }).catch((e: { code: string; message: string }) => e)
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('“Rural access” cannot be restored') })
    expect(await everything(call)).toEqual(unchanged)
  })

  it('every window hears trash.changed with the Trash’s count when something goes in, comes back or goes for good (an import of trashed bytes changes nothing until restored)', async () => {
    const counts: number[] = []
    const stop = starter.core.events.subscribe((event, payload) => {
      if (event === 'trash.changed') counts.push((payload as { count: number }).count)
    })
    const [claim] = await allClaims()
    await call('claims.delete', { id: claim!.id })
    await call('trash.restore', { ids: [(await trash())[0]!.id] })
    await call('claims.delete', { id: claim!.id })
    const { source } = await citedSource()
    const original = (await call('sources.original', { id: source.id })) as { fileName: string; dataBase64: string }
    await call('sources.remove', { id: source.id })
    const offered = await importAgain(original)
    await call('trash.restore', { ids: [offered.inTrash![0]!.trashId] })
    await call('trash.empty', {})
    stop()
    expect(counts).toEqual([1, 0, 1, 2, 1, 0])
  })

  it('hostile input: unknown ids, wrong shapes and oversized lists are refused plainly and change nothing', async () => {
    const { source } = await citedSource()
    await call('sources.remove', { id: source.id })
    const unchanged = await everything(call)
    await expect(call('trash.restore', { ids: ['no-such-item'] })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'That item is no longer in the Trash.' })
    await expect(call('trash.purge', { ids: [(await trash())[0]!.id, 'x', 'y'] })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '2 of these items are no longer in the Trash.' })
    // A source's own id is not the Trash's id: nothing is restored by guessing.
    await expect(call('trash.restore', { ids: [source.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(call('trash.restore', { ids: Array.from({ length: MAX_TRASH_IDS + 1 }, (_, i) => `id${i}`) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(`At most ${MAX_TRASH_IDS} items`),
    })
    await expect(call('trash.restore', { ids: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('trash.restore', { ids: [42] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('trash.empty', { all: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('claims.citedBy', { id: 'gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await everything(call)).toEqual(unchanged)
  })
})
