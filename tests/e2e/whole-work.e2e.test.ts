import { describe, expect, it } from 'vitest'
import { screenshot, useBrowserSession } from './harness'
import { briefEditor, newBrief, openExportOf, writeIn } from './steps'

describe('citing a source known only by its reference, as a whole work, in the browser', () => {
  const { page, errors } = useBrowserSession()

  it('an analyst cites a reference-only source without a quote: marked on its card, in the editor and in the export check', async () => {
    const bib = "@report{pcn2019, author = {{The King's Fund}}, title = {Primary care networks explained}, year = {2019}}"
    await page.getByTestId('import-input').setInputFiles({ name: 'refs.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) })
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.getByRole('button', { name: 'Primary care networks explained' }).click()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText('Reference only — no text yet.').waitFor()
    await reader.getByRole('button', { name: 'Cite as a whole work' }).click()
    const form = page.getByRole('dialog', { name: 'Edit claim' })
    await form.getByText(/this claim cites its source as a whole work/).waitFor()
    await form.getByLabel('Statement').fill('Networks group practices serving 30,000 to 50,000 people.')
    await form.getByRole('button', { name: 'Save claim' }).click()
    await form.waitFor({ state: 'detached' })

    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByPlaceholder('Search claims').fill('Networks group')
    const card = page.locator('.claim-card').first()
    await expect.poll(() => card.textContent()).toContain('Cited without a quote: cites the whole work')

    await newBrief(page, 'Networks')
    const background = await writeIn(page, 'Background', 'Networks now cover most practices.')
    const box = (await background.boundingBox())!
    await background.evaluate((el) => el.setAttribute('data-drop-target', ''))
    await page.dragAndDrop('.claim-card >> nth=0', '[data-drop-target]', { targetPosition: { x: box.width - 3, y: box.height - 8 } })
    const citation = briefEditor(page).locator('.citation-whole-work')
    await citation.waitFor()
    expect(await citation.getAttribute('aria-label')).toContain('whole work, cited without a quote')
    await screenshot(page, 'whole-work-citation.png')

    const dialog = await openExportOf(page, 'Networks')
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    const note = dialog.getByRole('region', { name: 'Cited without a quote' })
    await note.getByText('Primary care networks explained').waitFor()
    await note.getByText(/1 claim cites its source as a whole work/).waitFor()
    await screenshot(page, 'whole-work-check.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })
})
