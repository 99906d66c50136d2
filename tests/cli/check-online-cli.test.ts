import { describe, expect, it } from 'vitest'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { citedSources } from '../../electron/core/app/online-check'
import { ProjectSession } from '../../electron/core/project/session'
import { useFixtureServer } from '../helpers/fixture-server'
import { CHECK_DOIS, crossrefUpdateRoutes, serviceEnv } from '../helpers/service-fixtures'
import { useStarterProjectCli } from './run-cli'

const BRIEF = 'Should hospital trusts run general practice?'
const server = useFixtureServer(crossrefUpdateRoutes, { env: serviceEnv })

/** Gives the brief's cited sources these DOIs, in order of first citation (null: no DOI). */
function giveDois(project: string, dois: (string | null)[]): { id: string; title: string }[] {
  const session = ProjectSession.open(project)
  try {
    const cited = citedSources(session.db, new BriefRepository(session.db).resolve(BRIEF))
    cited.forEach((s, i) => {
      const doi = dois[i] ?? null
      if (doi) session.db.prepare("UPDATE sources SET csl = json_set(csl, '$.DOI', ?) WHERE id = ?").run(doi, s.id)
      else session.db.prepare("UPDATE sources SET csl = json_remove(csl, '$.DOI') WHERE id = ?").run(s.id)
    })
    return cited
  } finally {
    session.close()
  }
}

describe('evident check --online', () => {
  const cli = useStarterProjectCli('evident-check-online-')

  it('passes when every cited source with a DOI was checked and none is retracted, naming those without a DOI', async () => {
    const cited = giveDois(cli.project, [CHECK_DOIS.clean, CHECK_DOIS.corrected])
    const run = await cli.evident('check', '--project', cli.project, '--brief', BRIEF, '--online')
    expect(run.code).toBe(0)
    expect(run.out).toContain(`Online (Crossref): 2 cited sources checked, 1 with notices; 0 could not be checked; ${cited.length - 2} sources without a DOI.`)
    expect(run.out).toMatch(/CORRECTED\s+.*Correction \(2024-01-09\): https:\/\/doi\.org\/10\.5555\/correction-notice\.2024/)
    expect(run.out).toMatch(/no DOI\s+.*It has no DOI/)
    expect(run.out).toContain('opened read-only, so these answers were not kept')
  })

  it('exits 1 when a cited source is retracted, with the notice’s link; without --online nothing is fetched', async () => {
    giveDois(cli.project, [CHECK_DOIS.retracted])
    const asked = server.requests.length
    const offline = await cli.evident('check', '--project', cli.project, '--brief', BRIEF)
    expect(offline.code).toBe(0)
    expect(server.requests.length).toBe(asked)

    const run = await cli.evident('check', '--project', cli.project, '--brief', BRIEF, '--online')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/RETRACTED\s+.*Retraction \(2025-02-03\): https:\/\/doi\.org\/10\.5555\/retraction-notice\.2025/)
    const json = JSON.parse((await cli.evident('check', '--project', cli.project, '--brief', BRIEF, '--online', '--json')).out) as { online: { retracted: number; stored: boolean } }
    expect(json.online).toMatchObject({ retracted: 1, stored: false })
  })

  it('exits 1 when a cited source could not be checked (Crossref busy, 500), saying why: not knowing is not passing', async () => {
    giveDois(cli.project, [CHECK_DOIS.broken, CHECK_DOIS.clean])
    const run = await cli.evident('check', '--project', cli.project, '--brief', BRIEF, '--online')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/NOT CHECKED\s+.*Crossref: .* had a problem answering \(500\): try again later\./)
    giveDois(cli.project, [CHECK_DOIS.busy])
    const busy = await cli.evident('check', '--project', cli.project, '--brief', BRIEF, '--online')
    expect(busy.code).toBe(1)
    expect(busy.out).toContain('asking Evident to slow down (429): try again in 30 seconds')
  })
})
