import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot, useBrowserSession } from './harness'

describe('records that say where each field came from, in the browser', () => {
  const session = useBrowserSession()
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))

  const sourceList = () => page.getByRole('listbox', { name: 'Sources' })

  it('an analyst sees which fields of a starter record were checked and which guessed, and confirms a guess', async () => {
    await sourceList().getByRole('option', { name: /Editorial on the crisis/ }).click()
    await page.getByRole('button', { name: 'Edit record' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit record' })
    await dialog.getByText(/4 fields are Evident’s guess/).waitFor()
    await dialog.getByText(/Checked by Evident's editors: signed 'Roger Jones/).waitFor()
    await screenshot(page, 'record-provenance.png')
    await dialog.getByRole('button', { name: 'Confirm volume as right' }).click()
    await dialog.getByText(/3 fields are Evident’s guess/).waitFor()
    expect(await dialog.getByText(/confirmed by you/).count()).toBe(1)
    await dialog.getByLabel('Title', { exact: true }).fill('Crisis in general practice')
    await dialog.getByText('Your entry (not saved yet)').waitFor()
    await dialog.getByRole('button', { name: 'Save record' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Edit record' }).click()
    await dialog.getByText(/2 fields are Evident’s guess \(date published, issue\)/).waitFor()
    expect(await dialog.getByText('Entered by you').count()).toBe(1)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('the export check lists the cited sources whose references still rest on guesses', async () => {
    await page.getByRole('button', { name: 'Export to Word…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export to Word' })
    const brief = dialog.getByRole('combobox', { name: 'Brief', exact: true })
    const option = brief.locator('option', { hasText: 'Should hospital trusts run general practice?' })
    await option.waitFor({ state: 'attached' })
    await brief.selectOption((await option.getAttribute('value'))!)
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    const guesses = dialog.getByRole('region', { name: 'References resting on guesses' })
    await guesses.getByText('Crisis in general practice').waitFor()
    expect(await guesses.getByText('— issued, issue').count()).toBe(1)
    await screenshot(page, 'export-guesses.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })
})
