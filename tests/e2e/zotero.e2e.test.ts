import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { send, useFixtureServer } from '../helpers/fixture-server'
import { installZotero, ZOTERO_PREFIX, zoteroEnv, zoteroLibrary } from '../helpers/zotero-fixtures'
import { screenshot, useBrowserSession } from './harness'
import { openImportDialog, sourceList } from './steps'

const zotero = useFixtureServer()
beforeAll(() => installZotero(zotero, zoteroLibrary(mkdtempSync(join(tmpdir(), 'evident-e2e-zotero-')))))

describe('sources from the analyst’s Zotero library, in the browser', () => {
  const { page, errors } = useBrowserSession({ env: () => zoteroEnv(zotero), defaultTimeout: 10_000 })
  it('an analyst opens Add from Zotero, searches, ticks two items and gets them with their PDF and record', async () => {
    const dialog = await openImportDialog(page, 'From Zotero…', 'Add from Zotero')
    const items = dialog.getByRole('list', { name: 'Items in your Zotero library' })
    await expect.poll(() => items.getByRole('listitem').count()).toBe(8)
    await dialog.getByRole('searchbox', { name: 'Search your Zotero library' }).fill('2026')
    await dialog.getByRole('button', { name: 'Search', exact: true }).click()
    await expect.poll(() => items.getByRole('listitem').count()).toBe(1)
    await dialog.getByRole('searchbox', { name: 'Search your Zotero library' }).fill('')
    await dialog.getByRole('searchbox', { name: 'Search your Zotero library' }).press('Enter')
    await expect.poll(() => items.getByRole('listitem').count()).toBe(8)
    await items.getByRole('checkbox', { name: /Under pressure: general practice in 2026/ }).check()
    await items.getByRole('checkbox', { name: /NHS long term workforce plan/ }).check()
    expect(await items.getByRole('listitem').first().textContent()).toContain('PDF: Full Text PDF')
    await screenshot(page, 'add-from-zotero.png')
    await dialog.getByRole('button', { name: 'Import 2 items' }).click()
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('2 files imported')
    await summary.getByRole('button', { name: 'Close' }).first().click()
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(7)
    await sourceList(page).getByRole('option', { name: /Under pressure: general practice in 2026/ }).click()
    await page.getByRole('main', { name: 'Reader' }).getByText(/The workforce grew by 1\.2 per cent/).waitFor()
    expect(errors).toEqual([])
  })

  it('when Zotero’s local API is off, the dialog says so and how to turn it on', async () => {
    zotero.routes.set(`${ZOTERO_PREFIX}/users/0/items/top`, send('Local API is not enabled', 'text/plain', 403))
    await page.getByRole('button', { name: 'From Zotero…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add from Zotero' })
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(
      /^Zotero is running but does not let other applications read its library\. In Zotero 7, open Settings › Advanced and turn on “Allow other applications on this computer to communicate with Zotero”\.$/,
    )
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true)
    await screenshot(page, 'add-from-zotero-off.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(7)
    // The refusal is a 403 answer from the server, which Chromium logs; it is the one the test asked for.
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 403/.test(e))).toEqual([])
  })
})
