import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { allSources, checkSourcesOnline } from '../../electron/core/app/online-check'
import { createBriefFixture } from '../fixtures/brief-fixture'
import { noticesFromCrossref } from '../../electron/core/net/lookup/crossref-updates'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { json, send, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { crossrefUpdate, crossrefWork, serviceEnv } from '../helpers/service-fixtures'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer({
    '/crossref/works/10.5555%2Flogin': send('<html><body>Sign in to your institution</body></html>'),
    '/crossref/works/10.5555%2Fnot-a-work': json({ status: 'ok', 'message-type': 'work' }),
    '/crossref/works/10.5555%2Fflood': json(crossrefWork('10.5555/flood', { 'updated-by': Array.from({ length: 10_000 }, (_, i) => crossrefUpdate('correction', 'Correction', `10.5555/c.${i}`, [2024, 1, 1])) })),
  })
})
afterAll(() => server.close())

describe('Check sources refuses bad input and hostile answers with a plain message, changing nothing', () => {
  const temp = useTempDir()

  it('arguments of the wrong shape are refused before anything is fetched', async () => {
    const core = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await core.createProject(join(temp(), 'refusals.evident'), true)
    const asked = server.requests.length
    await expect(dispatch(core.handlers, 'sources.checkOnline', { briefId: 42 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'sources.checkOnline', { everything: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'sources.takeFetchedPage', { id: 's', checkId: 'x'.repeat(100_000) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'sources.takeFetchedPage', { id: 's', checkId: 'never-fetched' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('run Check sources again') })
    expect(server.requests.length).toBe(asked)
    core.close()
  })

  it('a log-in page, an answer without a record and a flood of 10,000 notices: reported plainly, at most 50 notices kept', async () => {
    const fixture = await createBriefFixture()
    try {
      const dois = ['10.5555/login', '10.5555/not-a-work', '10.5555/flood']
      const sources = allSources(fixture.session.db).slice(0, 3).map((s, i) => ({ ...s, doi: dois[i] }))
      const report = await checkSourcesOnline(fixture.session.db, sources, { env: serviceEnv(server), store: true })
      expect(report.results[0]).toMatchObject({ outcome: 'not-checked', reason: expect.stringContaining('answered with text/html instead of the record') })
      expect(report.results[1]).toMatchObject({ outcome: 'not-checked', reason: 'Crossref answered without the record of the DOI.' })
      expect(report.results[2]).toMatchObject({ outcome: 'checked' })
      expect(report.results[2]!.notices).toHaveLength(50)
      expect(noticesFromCrossref({ 'updated-by': [{ type: 'x'.repeat(10_000), DOI: '10.5555/a' }] })[0]!.type.length).toBeLessThanOrEqual(60)
    } finally {
      fixture.cleanup()
    }
  })
})
