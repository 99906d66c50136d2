import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceDetail, SourceSummary } from '@shared/dto/sources'
import { send, useFixtureServer } from '../helpers/fixture-server'
import { crossrefUpdateRoutes, serviceEnv } from '../helpers/service-fixtures'
import { ARTICLE_HTML, webRoutes } from '../helpers/web-pages'
import { callApi, screenshot, useBrowserSession } from './harness'

const PAGE = '/articles/under-pressure'
const WAITING = 'Waiting times rose by 2.1 per cent in the year to March'
const web = useFixtureServer(async () => ({ ...(await webRoutes()), ...crossrefUpdateRoutes() }))

describe('Check sources on a web page, in the browser', () => {
  const session = useBrowserSession({ env: () => serviceEnv(web), defaultTimeout: 15_000 })
  const { page, errors } = session
  let sourceId: string
  beforeAll(async () => {
    await callApi<unknown>(session.server, 'sources.importAddresses', { addresses: [web.url(PAGE)] })
    // The import runs in the background: wait for the page to join the five starter sources.
    let list: SourceSummary[] = []
    for (let tries = 0; tries < 150 && list.length < 6; tries++) {
      list = await callApi<SourceSummary[]>(session.server, 'sources.list', {})
      if (list.length < 6) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    sourceId = list.find((s) => /Under pressure/i.test(s.title))!.id
    const { text } = await callApi<SourceDetail>(session.server, 'sources.get', { id: sourceId })
    const start = text.indexOf(WAITING)
    await callApi(session.server, 'claims.create', { sourceId, start, end: start + WAITING.length, exact: WAITING, statement: 'Waits rose 2.1% in a year.' })
    // The publisher revises the figure after the analyst cited it.
    web.routes.set(PAGE, send(ARTICLE_HTML.replace('2.1 per cent', '2.3 per cent')))
    await page.reload()
  })

  it('the analyst runs Check sources from the Project menu, sees the changed quote as a word diff, and takes the new version', async () => {
    await page.getByRole('button', { name: 'Project ▾' }).click()
    await page.getByRole('menuitem', { name: 'Check sources…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Check sources' })
    await dialog.getByRole('button', { name: 'Check sources' }).click()
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toMatch(/1 web page fetched again, 1 quote changed or gone\./)
    const quotes = dialog.getByRole('list', { name: /Quotes on Under pressure/i })
    expect(await quotes.textContent()).toMatch(/Changed.*2\.1.*2\.3/)
    expect(await quotes.locator('del').textContent()).toContain('2.1')
    expect(await quotes.locator('ins').textContent()).toContain('2.3')
    await screenshot(page, 'check-sources-web-page.png')
    await dialog.getByRole('button', { name: 'Take the new version' }).click()
    await expect.poll(() => dialog.getByText(/New version taken/).count()).toBe(1)
    const detail = await callApi<SourceDetail>(session.server, 'sources.get', { id: sourceId })
    expect(detail.text).toContain('2.3 per cent')
    expect(errors).toEqual([])
  })
})
