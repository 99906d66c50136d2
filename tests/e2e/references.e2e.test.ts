import { describe, expect, it } from 'vitest'
import { screenshot, useBrowserSession } from './harness'
import { openExportOf, sourceList } from './steps'

describe('records that say where each field came from, in the browser', () => {
  const { page, errors } = useBrowserSession()

  it('an analyst sees which fields of a starter record were checked and which guessed, and confirms a guess', async () => {
    await sourceList(page).getByRole('option', { name: /Editorial on the crisis/ }).click()
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
    const dialog = await openExportOf(page, 'Should hospital trusts run general practice?')
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    const guesses = dialog.getByRole('region', { name: 'References resting on guesses' })
    await guesses.getByText('Crisis in general practice').waitFor()
    expect(await guesses.getByText('— issued, issue').count()).toBe(1)
    await screenshot(page, 'export-guesses.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('an analyst imports a .bib: a new source known by its reference only, read and then given its full text', async () => {
    const bib = [
      "@report{pcn2019, author = {{The King's Fund}}, title = {Primary care networks explained}, year = {2019},",
      '  url = {https://www.kingsfund.org.uk/publications/primary-care-networks-explained}}',
      '@article{bad2015, title = {A field with no value}, year = ,}',
    ].join('\n')
    await page.getByTestId('import-input').setInputFiles({ name: 'refs.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) })
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    const file = summary.getByRole('region', { name: 'Reference file refs.bib' })
    await file.getByText(/2 entries found, 1 record read \(1 new source known by its reference only/).waitFor()
    await file.getByText(/bad2015/).waitFor()
    await screenshot(page, 'import-references.png')
    await summary.getByRole('button', { name: 'Primary care networks explained' }).click()
    const option = sourceList(page).getByRole('option', { name: /Primary care networks explained/ })
    await option.getByText('· Reference only').waitFor()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText('Reference only — no text yet.').waitFor()
    await screenshot(page, 'reference-only-source.png')
    await page.getByLabel('Choose the full text of Primary care networks explained').setInputFiles({
      name: 'pcn.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Primary care networks explained\n\nNetworks bring practices together to serve 30,000 to 50,000 patients.'),
    })
    await reader.getByText(/serve 30,000 to 50,000 patients/).waitFor()
    expect(await reader.getByText('Reference only — no text yet.').count()).toBe(0)
    expect(await option.getByText('· Reference only').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
