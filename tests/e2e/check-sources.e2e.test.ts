import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceDetail } from '@shared/dto/sources'
import type { OnlineCheckReport } from '@shared/dto/source-updates'
import { useFixtureServer } from '../helpers/fixture-server'
import { CHECK_DOIS, crossrefUpdateRoutes, serviceEnv } from '../helpers/service-fixtures'
import { callApi, screenshot, useBrowserSession } from './harness'
import { openExportOf } from './steps'

const TITLE = 'Should hospital trusts run general practice?'
const crossref = useFixtureServer(crossrefUpdateRoutes)

describe('Check sources, in the browser', () => {
  const session = useBrowserSession({ env: () => serviceEnv(crossref), defaultTimeout: 10_000 })
  const { page, errors } = session
  let retracted: { id: string; title: string }
  beforeAll(async () => {
    // The starter sources carry almost no DOIs: give two of the brief's cited sources the fixture's.
    const briefs = await callApi<{ id: string; title: string }[]>(session.server, 'briefs.list', {})
    const briefId = briefs.find((b) => b.title === TITLE)!.id
    const cited = (await callApi<OnlineCheckReport>(session.server, 'sources.checkOnline', { briefId })).results
    for (const [i, doi] of [CHECK_DOIS.retracted, CHECK_DOIS.busy].entries()) {
      const source = await callApi<SourceDetail>(session.server, 'sources.get', { id: cited[i]!.sourceId })
      await callApi(session.server, 'sources.updateRecord', { id: source.id, csl: { ...source.csl, DOI: doi } })
    }
    retracted = { id: cited[0]!.sourceId, title: cited[0]!.sourceTitle }
    await page.reload()
  })

  it('the analyst checks the sources from the export dialog: the retraction is listed with its notice, and a source Crossref would not answer for is named', async () => {
    const dialog = await openExportOf(page, TITLE)
    const asked = crossref.requests.length
    await dialog.getByRole('button', { name: 'Check sources' }).click()
    const panel = dialog.getByRole('region', { name: 'Check sources online' })
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/checked, 1 with notices; \d+ sources not checked\./)
    expect(crossref.requests.length).toBeGreaterThan(asked)
    const found = panel.getByRole('list', { name: 'Sources with notices' })
    expect(await found.textContent()).toContain(retracted.title)
    const link = found.getByRole('link', { name: 'Retraction (2025-02-03)' })
    expect(await link.getAttribute('href')).toBe('https://doi.org/10.5555/retraction-notice.2025')
    expect(await panel.getByRole('list', { name: 'Sources not checked' }).textContent()).toContain('asking Evident to slow down (429): try again in 30 seconds')
    // The check that follows reads the stored notice: the export check names the cited source too.
    const report = dialog.getByRole('region', { name: 'Cited sources with notices' })
    await report.waitFor()
    expect(await report.textContent()).toMatch(/1 cited source has notices against it:.*Retracted/)
    await report.scrollIntoViewIfNeeded()
    await screenshot(page, 'check-sources-export.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('the retraction shows on the source and on each of its claims, without asking Crossref again', async () => {
    const asked = crossref.requests.length
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(retracted.title.slice(0, 30)) }).click()
    const reader = page.getByRole('main', { name: 'Reader' })
    const notices = reader.getByRole('list', { name: 'Notices against this source' })
    await notices.waitFor()
    expect(await notices.textContent()).toMatch(/Retracted Retraction \(2025-02-03\) · reported by Retraction Watch/)
    await page.getByRole('tab', { name: /Claims/ }).click()
    // One of the source's own claims, found by its words in the claims library.
    const [claim] = await callApi<{ statement: string }[]>(session.server, 'claims.forSource', { sourceId: retracted.id })
    await page.getByRole('searchbox', { name: /Search claims/ }).or(page.getByPlaceholder('Search claims')).first().fill(claim!.statement.split(/\s+/).slice(0, 6).join(' '))
    const claims = page.getByRole('listbox', { name: 'Claims' })
    await expect.poll(() => claims.getByText(/Source retracted: Retraction \(2025-02-03\)/).count()).toBeGreaterThan(0)
    await screenshot(page, 'check-sources-source.png')
    expect(crossref.requests.length).toBe(asked)
    expect(errors).toEqual([])
  })
})
