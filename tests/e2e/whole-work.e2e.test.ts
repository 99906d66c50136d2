import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot, useBrowserSession } from './harness'

const briefPane = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const editor = (page: Page) => briefPane(page).getByRole('textbox', { name: /^Brief: / })

async function newBrief(page: Page, title: string): Promise<void> {
  await briefPane(page).getByRole('button', { name: 'New brief' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New brief' })
  await dialog.getByLabel('Title', { exact: true }).fill(title)
  await dialog.getByRole('radio', { name: /^Policy brief/ }).check()
  await dialog.getByRole('button', { name: 'Create brief' }).click()
  await editor(page).locator('h1', { hasText: title }).waitFor()
}

async function writeIn(page: Page, heading: string, text: string): Promise<Locator> {
  const paragraph = editor(page).locator(`h2:has-text("${heading}") + p`).first()
  await paragraph.click()
  await page.keyboard.press('End')
  await page.waitForTimeout(100)
  await page.keyboard.type(text)
  return paragraph
}

describe('citing a source known only by its reference, as a whole work, in the browser', () => {
  const session = useBrowserSession()
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))

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
    const citation = editor(page).locator('.citation-whole-work')
    await citation.waitFor()
    expect(await citation.getAttribute('aria-label')).toContain('whole work, cited without a quote')
    await screenshot(page, 'whole-work-citation.png')

    await page.getByRole('button', { name: 'Export to Word…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export to Word' })
    const brief = dialog.getByRole('combobox', { name: 'Brief', exact: true })
    const option = brief.locator('option', { hasText: 'Networks' })
    await option.waitFor({ state: 'attached' })
    await brief.selectOption((await option.getAttribute('value'))!)
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    const note = dialog.getByRole('region', { name: 'Cited without a quote' })
    await note.getByText('Primary care networks explained').waitFor()
    await note.getByText(/1 claim cites its source as a whole work/).waitFor()
    await screenshot(page, 'whole-work-check.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })
})
