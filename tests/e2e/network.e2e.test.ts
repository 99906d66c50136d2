import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { webRoutes } from '../helpers/web-pages'
import { screenshot, useBrowserSession } from './harness'

let web: FixtureServer
beforeAll(async () => {
  web = await startFixtureServer(await webRoutes())
})
afterAll(() => web?.close())

describe('sources from the web, in the browser', () => {
  const session = useBrowserSession()
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))
  const sourceList = () => page.getByRole('listbox', { name: 'Sources' })

  it('an analyst pastes addresses into Import from an address and gets the article, the PDF and a reason for the log-in wall', async () => {
    await expect.poll(() => sourceList().getByRole('option').count()).toBe(5)
    await page.getByRole('button', { name: 'From address…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import from an address' })
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
    await summary.getByRole('button', { name: 'Under pressure: general practice in 2026' }).click()
    await expect.poll(() => sourceList().getByRole('option').count()).toBe(7)
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText(/Waiting times rose by 2\.1 per cent/).waitFor()
    expect(errors).toEqual([])
  })
})
