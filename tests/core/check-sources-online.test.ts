import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { allSources, checkSourcesOnline, citedSources } from '../../electron/core/app/online-check'
import { checkBrief } from '../../electron/core/export/export-docx'
import { noticesFromCrossref } from '../../electron/core/net/lookup/crossref-updates'
import { ProjectSession } from '../../electron/core/project/session'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { createBriefFixture, RESOURCES_DIR, type BriefFixture } from '../fixtures/brief-fixture'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { CHECK_DOIS, crossrefUpdate, crossrefUpdateRoutes, serviceEnv } from '../helpers/service-fixtures'
import { useTempDir } from '../helpers/temp'

let server: FixtureServer
let env: NodeJS.ProcessEnv
beforeAll(async () => {
  server = await startFixtureServer(crossrefUpdateRoutes())
  env = serviceEnv(server)
})
afterAll(() => server.close())

function giveDoi(fixture: BriefFixture, sourceId: string, doi: string | null): void {
  const sql = doi === null ? "UPDATE sources SET csl = json_remove(csl, '$.DOI') WHERE id = ?" : "UPDATE sources SET csl = json_set(csl, '$.DOI', ?) WHERE id = ?"
  fixture.session.db.prepare(sql).run(...(doi === null ? [sourceId] : [doi, sourceId]))
}

describe('Check sources: retractions, corrections and concerns from Crossref for every cited source with a DOI', () => {
  let fixture: BriefFixture
  beforeEach(async () => {
    fixture = await createBriefFixture()
  })
  afterEach(() => fixture.cleanup())

  it('finds a retraction and a correction, links each notice, keeps them, and shows them on the source and in the export check', async () => {
    const { iacobucci, jones, drage } = fixture.claims
    giveDoi(fixture, iacobucci.sourceId, CHECK_DOIS.retracted)
    giveDoi(fixture, jones.sourceId, CHECK_DOIS.corrected)
    giveDoi(fixture, drage.sourceId, CHECK_DOIS.clean)
    const db = fixture.session.db
    const cited = citedSources(db, fixture.briefId)
    expect(cited.length).toBeGreaterThanOrEqual(4)

    const report = await checkSourcesOnline(db, cited, { env, store: true })
    const of = (id: string) => report.results.find((r) => r.sourceId === id)!
    expect(of(iacobucci.sourceId)).toMatchObject({
      outcome: 'checked',
      doi: CHECK_DOIS.retracted,
      notices: [
        {
          kind: 'retraction',
          type: 'retraction',
          label: 'Retraction',
          doi: '10.5555/retraction-notice.2025',
          url: 'https://doi.org/10.5555/retraction-notice.2025',
          date: '2025-02-03',
          reportedBy: 'retraction-watch',
        },
      ],
    })
    expect(of(jones.sourceId).notices).toEqual([expect.objectContaining({ kind: 'correction', label: 'Correction', date: '2024-01-09' })])
    expect(of(drage.sourceId)).toMatchObject({ outcome: 'checked', notices: [] })
    // The sources without a DOI are named, not passed over.
    const withoutDoi = report.results.filter((r) => !r.doi)
    expect(withoutDoi.length).toBe(cited.length - 3)
    for (const r of withoutDoi) expect(r).toMatchObject({ outcome: 'no-doi', reason: expect.stringContaining('no DOI') })
    expect(report).toMatchObject({ retracted: 1, notChecked: withoutDoi.length, stored: true })
    expect(server.requests.every((r) => /^Evident\//.test(r.headers['user-agent'] ?? ''))).toBe(true)

    // Kept: the source shows it, and the export check lists it without asking Crossref again.
    const asked = server.requests.length
    expect(fixture.session.sources.get(iacobucci.sourceId).updates).toMatchObject({ doi: CHECK_DOIS.retracted, notices: [{ kind: 'retraction' }] })
    expect(fixture.session.sources.list().find((s) => s.id === drage.sourceId)!.updates).toMatchObject({ notices: [] })
    const { sourceNotices, ok } = checkBrief(db, fixture.briefId).report
    expect(ok).toBe(true)
    expect(sourceNotices.map((s) => [s.sourceId, s.notices[0]!.kind])).toEqual(
      expect.arrayContaining([
        [iacobucci.sourceId, 'retraction'],
        [jones.sourceId, 'correction'],
      ]),
    )
    expect(sourceNotices).toHaveLength(2)
    expect(server.requests.length).toBe(asked)

    // A notice about an earlier DOI says nothing about the record's new one.
    giveDoi(fixture, iacobucci.sourceId, CHECK_DOIS.clean)
    expect(fixture.session.sources.get(iacobucci.sourceId).updates).toBeUndefined()
    expect(checkBrief(db, fixture.briefId).report.sourceNotices.map((s) => s.sourceId)).toEqual([jones.sourceId])
  })

  it('reports every source it could not check with why (404, 500, cut-off answer, a service that never finishes), and keeps the last answer', async () => {
    const { iacobucci, jones, drage, bjgp } = fixture.claims
    const db = fixture.session.db
    giveDoi(fixture, iacobucci.sourceId, CHECK_DOIS.retracted)
    await checkSourcesOnline(db, citedSources(db, fixture.briefId), { env, store: true })
    giveDoi(fixture, jones.sourceId, CHECK_DOIS.unknown)
    giveDoi(fixture, drage.sourceId, CHECK_DOIS.broken)
    giveDoi(fixture, bjgp.sourceId, CHECK_DOIS.cut)
    const sources = citedSources(db, fixture.briefId)
    const slow = sources.find((s) => s.id === iacobucci.sourceId)!
    slow.doi = CHECK_DOIS.slow
    const started = Date.now()
    const report = await checkSourcesOnline(db, sources, { env, store: true, deadlineMs: 1500 })
    expect(Date.now() - started).toBeLessThan(10_000)
    const reason = (id: string) => report.results.find((r) => r.sourceId === id)!
    expect(reason(jones.sourceId)).toMatchObject({ outcome: 'not-checked', reason: expect.stringMatching(/Crossref does not know the DOI 10\.5555\/unknown\.404 .*DataCite/) })
    expect(reason(drage.sourceId)).toMatchObject({ outcome: 'not-checked', reason: expect.stringMatching(/^Crossref: .* had a problem answering \(500\)/) })
    expect(reason(bjgp.sourceId)).toMatchObject({ outcome: 'not-checked', reason: expect.stringMatching(/closed before all of .* arrived/) })
    expect(reason(iacobucci.sourceId)).toMatchObject({ outcome: 'not-checked', reason: expect.stringMatching(/did not finish arriving within 2 seconds/) })
    expect(report.notChecked).toBe(report.results.length)
    expect(report.retracted).toBe(0)
    // The retraction found before stays on the source: a failed check proves nothing.
    expect(fixture.session.sources.get(iacobucci.sourceId).updates?.notices[0]?.kind).toBe('retraction')
  })

  it('stops asking once Crossref says slow down (429 with Retry-After), naming the wait for each source left', async () => {
    const db = fixture.session.db
    const sources = allSources(db).map((s, i) => ({ ...s, doi: i === 0 ? CHECK_DOIS.busy : CHECK_DOIS.clean }))
    const before = server.requests.length
    const report = await checkSourcesOnline(db, sources.slice(0, 5), { env, store: true })
    const busy = report.results[0]!
    expect(busy).toMatchObject({ outcome: 'not-checked', reason: expect.stringContaining('asking Evident to slow down (429): try again in 30 seconds') })
    // The three first requests were in flight together; nothing is asked after the 429.
    expect(server.requests.length - before).toBeLessThanOrEqual(3)
    for (const r of report.results.filter((x) => x.outcome === 'not-checked')) expect(r.reason).toMatch(/slow down|429/)
  })

  it('a read-only project is checked but nothing is kept', async () => {
    giveDoi(fixture, fixture.claims.iacobucci.sourceId, CHECK_DOIS.retracted)
    // A read-only session takes no lock, so it opens beside the fixture's own.
    const readOnly = ProjectSession.open(fixture.session.path, { readOnly: true })
    try {
      const report = await checkSourcesOnline(readOnly.db, citedSources(readOnly.db, fixture.briefId), { env, store: !readOnly.readOnly })
      expect(report).toMatchObject({ retracted: 1, stored: false })
      expect(readOnly.sources.get(fixture.claims.iacobucci.sourceId).updates).toBeUndefined()
    } finally {
      readOnly.close()
    }
  })
})

describe('reading Crossref’s updated-by relations', () => {
  it('sorts update types into retraction, concern and correction, and passes over entries of any other shape', () => {
    const notices = noticesFromCrossref({
      'updated-by': [
        crossrefUpdate('partial_retraction', 'Partial Retraction', '10.1234/a', [2024, 5, 1]),
        crossrefUpdate('erratum', 'Erratum', '10.1234/b', [2023, 1, 2]),
        crossrefUpdate('addendum', '', '10.1234/c', [2023, 1, 2]),
        { type: 'retraction', DOI: 'not a doi' },
        { type: 'retraction' },
        'garbage',
        null,
        { type: 'withdrawal', DOI: '10.1234/d', updated: { 'date-parts': [[2022]] } },
        crossrefUpdate('erratum', 'Erratum', '10.1234/b', [2023, 1, 2]),
      ],
    })
    expect(notices.map((n) => [n.kind, n.label, n.doi, n.date])).toEqual([
      ['retraction', 'Partial Retraction', '10.1234/a', '2024-05-01'],
      ['correction', 'Erratum', '10.1234/b', '2023-01-02'],
      ['other', 'Addendum', '10.1234/c', '2023-01-02'],
      ['retraction', 'Withdrawal', '10.1234/d', '2022'],
    ])
    expect(noticesFromCrossref({})).toEqual([])
    expect(noticesFromCrossref({ 'updated-by': 'nope' })).toEqual([])
  })
})

describe('sources.checkOnline', () => {
  const temp = useTempDir()
  it('is refused with a clear message for a brief that does not exist, and checks every source without a brief', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      const core = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
      await core.createProject(join(temp(), 'online.evident'), true)
      await expect(core.handlers['sources.checkOnline']({ briefId: 'no-such-brief' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const report = await core.handlers['sources.checkOnline']({})
      expect(report.results.length).toBe((await core.handlers['sources.list']({})).length)
      // The starter corpus's one DOI is unknown to the fixture Crossref: reported, not passed.
      expect(report.results.filter((r) => r.doi).map((r) => [r.doi, r.outcome])).toEqual([['10.1136/bmj.g6055', 'not-checked']])
      expect(report.results.filter((r) => !r.doi).every((r) => r.outcome === 'no-doi')).toBe(true)
      core.close()
    } finally {
      process.env = saved
    }
  })
})
