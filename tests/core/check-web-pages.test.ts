import { describe, expect, it } from 'vitest'
import { type Core } from '../../electron/core/app/core'
import { coreOnNewProject, importDone } from '../helpers/core-on-project'
import { send, useFixtureServer } from '../helpers/fixture-server'
import { crossrefUpdateRoutes, serviceEnv } from '../helpers/service-fixtures'
import { useTempDir } from '../helpers/temp'
import { ARTICLE_HTML, webRoutes } from '../helpers/web-pages'

const PAGE = '/articles/under-pressure'
const WAITING = 'Waiting times rose by 2.1 per cent in the year to March'
const FOUNDATION = 'General practice is the foundation of the NHS'
const server = useFixtureServer(async () => ({ ...(await webRoutes()), ...crossrefUpdateRoutes() }), { env: serviceEnv })

async function projectWithPage(dir: string): Promise<{ core: Core; sourceId: string; waiting: string; foundation: string }> {
  server.routes.set(PAGE, send(ARTICLE_HTML))
  const core = await coreOnNewProject(dir, { starter: false, name: 'pages.evident' })
  const sourceId = (await importDone(core, () => core.handlers['sources.importAddresses']({ addresses: [server.url(PAGE)] }))).imported[0]!.sourceId
  const { text } = await core.handlers['sources.get']({ id: sourceId })
  const claim = async (exact: string) => {
    const start = text.indexOf(exact)
    return (await core.handlers['claims.create']({ sourceId, start, end: start + exact.length, exact, statement: exact })).id
  }
  return { core, sourceId, waiting: await claim(WAITING), foundation: await claim(FOUNDATION) }
}

describe('Check sources: web pages fetched again, each quote re-anchored against the new text', () => {
  const temp = useTempDir()

  it('an unchanged page reports every quote unchanged and holds nothing', async () => {
    const { core, waiting, foundation } = await projectWithPage(temp())
    const report = await core.handlers['sources.checkOnline']({})
    expect(report.pages).toHaveLength(1)
    expect(report.pages[0]).toMatchObject({ outcome: 'same', address: server.url(PAGE), quotes: expect.arrayContaining([expect.objectContaining({ claimId: waiting, fate: 'unchanged' }), expect.objectContaining({ claimId: foundation, fate: 'unchanged' })]) })
    expect(report.pages[0]!.checkId).toBeUndefined()
    expect(report.changedQuotes).toBe(0)
    core.close()
  })

  it('a changed figure is reported as changed with a word diff; keeping the snapshot changes nothing, taking the new version re-anchors', async () => {
    const { core, sourceId, waiting, foundation } = await projectWithPage(temp())
    const before = await core.handlers['sources.get']({ id: sourceId })
    server.routes.set(PAGE, send(ARTICLE_HTML.replace('2.1 per cent', '2.3 per cent')))
    const report = await core.handlers['sources.checkOnline']({})
    const page = report.pages[0]!
    expect(page.outcome).toBe('different')
    const fate = (id: string) => page.quotes.find((q) => q.claimId === id)!
    expect(fate(foundation).fate).toBe('unchanged')
    expect(fate(waiting)).toMatchObject({ fate: 'changed', quote: WAITING, words: WAITING.replace('2.1', '2.3') })
    expect(fate(waiting).diff).toEqual(expect.arrayContaining([{ op: 'removed', text: '2.1' }, { op: 'added', text: '2.3' }]))
    expect(report.changedQuotes).toBe(1)

    // Keep the stored snapshot: nothing in the project moves, and the fetched page is let go.
    await core.handlers['sources.keepSnapshot']({ id: sourceId, checkId: page.checkId! })
    expect((await core.handlers['sources.get']({ id: sourceId })).text).toBe(before.text)
    await expect(core.handlers['sources.takeFetchedPage']({ id: sourceId, checkId: page.checkId! })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('run Check sources again') })

    // Take the new version: the text is the page's, the snapshot's time moves.
    const again = (await core.handlers['sources.checkOnline']({})).pages[0]!
    const taken = await core.handlers['sources.takeFetchedPage']({ id: sourceId, checkId: again.checkId! })
    expect(taken.sourceId).toBe(sourceId)
    const after = await core.handlers['sources.get']({ id: sourceId })
    expect(after.text).toContain('2.3 per cent')
    expect(after.web!.fetchedAt >= before.web!.fetchedAt).toBe(true)
    core.close()
  })

  it('a page that cannot be fetched again is reported as not checked, with why, and nothing changes', async () => {
    const { core, sourceId } = await projectWithPage(temp())
    const before = await core.handlers['sources.get']({ id: sourceId })
    server.routes.set(PAGE, send('Internal Server Error', 'text/plain', 500))
    const report = await core.handlers['sources.checkOnline']({})
    expect(report.pages[0]).toMatchObject({ outcome: 'not-checked', reason: expect.stringContaining('had a problem answering (500)'), quotes: [] })
    expect((await core.handlers['sources.get']({ id: sourceId })).text).toBe(before.text)
    await expect(core.handlers['sources.takeFetchedPage']({ id: sourceId, checkId: 'nothing-held' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    core.close()
  })
})
