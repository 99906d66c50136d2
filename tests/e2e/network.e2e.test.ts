import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../helpers/fixture-server'
import { ARTICLE_DOI, serviceEnv, serviceRoutes } from '../helpers/service-fixtures'
import { webRoutes } from '../helpers/web-pages'
import { screenshot, useBrowserSession } from './harness'
import { openImportDialog, sourceList } from './steps'

const web = useFixtureServer(async () => ({ ...(await webRoutes()), ...serviceRoutes() }))

describe('sources from the web, in the browser', () => {
  const { page, errors } = useBrowserSession({ env: () => serviceEnv(web), defaultTimeout: 10_000 })
  it('an analyst pastes addresses into Import from an address and gets the article, the PDF and a reason for the log-in wall', async () => {
    const dialog = await openImportDialog(page, 'From address…', 'Import from an address')
    const box = dialog.getByRole('textbox', { name: /Web addresses/ })
    await box.fill('file:///etc/passwd')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/is not a web address: each should start with http:\/\/ or https:\/\//)

    await box.fill([web.url('/short/up'), web.url('/files/annual-report'), web.url('/members-only')].join('\n'))
    await screenshot(page, 'import-from-address.png')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    const text = await summary.textContent()
    expect(text).toContain('2 files imported')
    expect(text).toMatch(/members-only: Not an article/)
    await screenshot(page, 'import-from-address-summary.png')
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(7)
    // The page gave its DOI: the summary offers to look it up.
    await summary.getByRole('button', { name: `Look up DOI ${ARTICLE_DOI}` }).click()
    await page.getByRole('dialog', { name: 'Edit record' }).waitFor()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText(/Waiting times rose by 2\.1 per cent/).waitFor()
    expect(errors).toEqual([])
  })

  it('the analyst looks the DOI up, sees the difference field by field, and takes only the authors', async () => {
    const record = page.getByRole('dialog', { name: 'Edit record' })
    const identifier = record.getByRole('textbox', { name: 'DOI, PMID, arXiv id or ISBN' })
    expect(await identifier.inputValue()).toBe(ARTICLE_DOI)
    await identifier.fill('10.abc')
    await record.getByRole('button', { name: 'Look up', exact: true }).click()
    await expect.poll(() => record.getByRole('alert').first().textContent()).toMatch(/is not a DOI, PMID, arXiv id or ISBN/)
    await identifier.fill(ARTICLE_DOI)
    await record.getByRole('button', { name: 'Look up', exact: true }).click()
    const table = record.getByRole('table', { name: 'Differences with DOI content negotiation' })
    await table.waitFor()
    expect(await table.getByRole('row').count()).toBe(5)
    expect(await table.getByRole('row', { name: /Authors/ }).textContent()).toContain('Jones, Roger; Smith, Alice B.')
    await record.getByRole('checkbox', { name: 'Take Title from DOI content negotiation' }).uncheck()
    await record.getByRole('checkbox', { name: 'Take Pages from DOI content negotiation' }).uncheck()
    await screenshot(page, 'lookup-difference.png')
    await record.getByRole('button', { name: 'Accept selected (2)' }).click()
    await expect.poll(() => page.getByText('2 fields taken from DOI content negotiation.').count()).toBe(1)
    // The form shows the record as it now is, and says where the authors came from.
    await expect.poll(() => record.getByText('From DOI content negotiation').count()).toBe(2)
    // The refused identifier is a 400 answer, which Chromium logs; it is the refusal the test asked for.
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))).toEqual([])
  })
})
