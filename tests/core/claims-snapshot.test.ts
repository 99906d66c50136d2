import { describe, expect, it } from 'vitest'
import { citationsOf } from '../../electron/core/briefs/content'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { ClaimPage } from '@shared/dto/claims'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import type { SourceDetail, SourceSummary } from '@shared/dto/sources'
import { MAX_SNAPSHOT_CLAIMS } from '@shared/limits'
import { useStarterCore } from '../helpers/core-on-project'

describe('citing claims: one core call gives what a citation stores', () => {
  const starter = useStarterCore({ once: true })
  const { call } = starter
  const snapshot = async (ids: unknown) => (await call('claims.snapshot', { ids })) as CitationSnapshot[]
  const claimsOf = async (sourceTitle: string) => {
    const sources = (await call('sources.list', {})) as SourceSummary[]
    const source = sources.find((s) => s.title.startsWith(sourceTitle))!
    return { source, claims: ((await call('claims.search', { sourceId: source.id, limit: 500 })) as ClaimPage).items }
  }


  it('a claim dragged into the brief is cited exactly as the starter brief’s own citations store it', async () => {
    const [summary] = (await call('briefs.list', {})) as BriefSummary[]
    const brief = (await call('briefs.get', { id: summary!.id })) as BriefDocument
    const stored = citationsOf(brief.content).slice(0, 5)
    expect(stored.length).toBe(5)
    const snapshots = await snapshot(stored.map((c) => c.claimId))
    expect(snapshots).toEqual(stored.map((c) => c.snapshot))
  })

  it('the short citation is the library’s: two authors read “Jones and Smith 2014”, not “Jones et al.”', async () => {
    const { source, claims } = await claimsOf('Editorial on the crisis')
    const claim = claims[0]!
    const [before] = await snapshot([claim.id])
    expect(before).toMatchObject({ claimId: claim.id, sourceId: source.id, sourceTitle: source.title, shortCitation: 'Jones 2014' })
    expect(before).toMatchObject({ statement: claim.statement, quote: claim.quote, paragraph: claim.anchor.paragraph })
    const detail = (await call('sources.get', { id: source.id })) as SourceDetail
    await call('sources.updateRecord', {
      id: source.id,
      csl: { ...detail.csl, author: [{ family: 'Jones', given: 'Roger' }, { family: 'Smith', given: 'Anna' }] },
    })
    const [after] = await snapshot([claim.id])
    expect(after!.shortCitation).toBe('Jones and Smith 2014')
    const card = (await claimsOf('Editorial on the crisis')).claims.find((c) => c.id === claim.id)!
    expect(after!.shortCitation).toBe(card.shortCitation)
  })

  it('a source without authors is cited by its container or title, as the claim cards show it', async () => {
    const { claims } = await claimsOf('Breaking boundaries')
    const [cited] = await snapshot([claims[0]!.id])
    expect(cited!.shortCitation).toBe(claims[0]!.shortCitation)
    expect(cited!.shortCitation).not.toBe('')
  })

  it('a record that retitles a source: its claims are cited, listed and found by the new title, in one step', async () => {
    const { source, claims } = await claimsOf('Hospitals could run')
    const detail = (await call('sources.get', { id: source.id })) as SourceDetail
    await call('sources.updateRecord', { id: source.id, csl: { ...detail.csl, title: 'Trusts as practice operators' } })
    const [cited] = await snapshot([claims[0]!.id])
    expect(cited!.sourceTitle).toBe('Trusts as practice operators')
    const found = (await call('claims.search', { text: 'operators' })) as ClaimPage
    expect(found.items.map((c) => c.id)).toEqual(expect.arrayContaining(claims.map((c) => c.id)))
    expect(found.items.every((c) => c.sourceTitle === 'Trusts as practice operators')).toBe(true)
    await expect(call('sources.updateRecord', { id: 'no-such-source', csl: detail.csl })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a cluster comes back in the order asked for, a claim cited twice twice, each its own copy', async () => {
    const { claims } = await claimsOf('Trusts as practice operators')
    const { claims: others } = await claimsOf('GPs risk being devoured')
    const ids = [others[0]!.id, claims[0]!.id, others[0]!.id]
    const cluster = await snapshot(ids)
    expect(cluster.map((s) => s.claimId)).toEqual(ids)
    expect(cluster[0]).toEqual(cluster[2])
    expect(cluster[0]).not.toBe(cluster[2])
    expect(cluster[1]!.shortCitation).toBe('Iacobucci 2014')
  })

  it('a claim deleted meanwhile is refused with NOT_FOUND; a cluster holding one is refused whole', async () => {
    const { claims } = await claimsOf('Is Nationalisation')
    const [gone, kept] = claims
    await call('claims.delete', { id: gone!.id })
    await expect(snapshot([gone!.id])).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'That claim is no longer in this project, so it was not cited.' })
    await expect(snapshot([kept!.id, gone!.id])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^1 of these 2 claims .* none was cited\.$/) })
    await expect(snapshot(['no-such-claim'])).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await snapshot([kept!.id]))[0]!.claimId).toBe(kept!.id)
  })

  it('a claim whose source was removed is still cited, by the title it kept', async () => {
    const { source, claims } = await claimsOf('GPs risk being devoured')
    await call('sources.remove', { id: source.id })
    const [orphan] = await snapshot([claims[0]!.id])
    expect(orphan).toMatchObject({ claimId: claims[0]!.id, sourceId: null, sourceTitle: source.title, shortCitation: source.title })
  })

  it('refuses hostile input before touching the project: no ids, huge lists, non-strings, overlong ids, extra keys', async () => {
    const refused = { code: 'INVALID_INPUT' }
    await expect(snapshot([])).rejects.toMatchObject({ ...refused, message: 'ids: Choose at least one claim to cite.' })
    await expect(snapshot(Array.from({ length: MAX_SNAPSHOT_CLAIMS + 1 }, (_, i) => `c${i}`))).rejects.toMatchObject({
      ...refused,
      message: `ids: At most ${MAX_SNAPSHOT_CLAIMS} claims can be cited at once.`,
    })
    await expect(snapshot(Array.from({ length: 1_000_000 }, () => 'c'))).rejects.toMatchObject(refused)
    await expect(snapshot([42])).rejects.toMatchObject(refused)
    await expect(snapshot([null])).rejects.toMatchObject(refused)
    await expect(snapshot([{ id: 'c1' }])).rejects.toMatchObject(refused)
    await expect(snapshot('c1')).rejects.toMatchObject(refused)
    await expect(snapshot([''])).rejects.toMatchObject(refused)
    await expect(snapshot(['x'.repeat(65)])).rejects.toMatchObject({ ...refused, message: 'ids.0: That id is too long.' })
    await expect(call('claims.snapshot', { id: 'c1' })).rejects.toMatchObject(refused)
    await expect(call('claims.snapshot', { ids: ['c1'], extra: true })).rejects.toMatchObject(refused)
    await expect(call('claims.snapshot', null)).rejects.toMatchObject(refused)
  })
})
