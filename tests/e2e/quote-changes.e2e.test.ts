import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot, useBrowserSession } from './harness'
import { CITED, reviseEditorial } from './steps'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const library = (page: Page) => page.getByRole('listbox', { name: 'Claims' })

describe('no quote changes silently in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  const { page, errors } = session

  it('a new version that rewords a cited sentence marks its claim "changed in the source" with a word diff, and the words change only when the analyst accepts', async () => {
    await reviseEditorial(page, (original, cited) => original.replace(cited, CITED.replace('partly', 'largely')))
    await page.getByRole('status').filter({ hasText: /marked “changed in the source”/ }).waitFor()

    // The citation in the brief says so, by name and in its look.
    const citation = brief(page).locator('.citation-warning[aria-label*="changed in the source"]').first()
    await citation.waitFor()

    // The evidence pane lists it under Needs attention, with the diff.
    await brief(page).getByRole('tab', { name: 'Evidence' }).click()
    const attention = brief(page).getByRole('region', { name: 'Needs attention' })
    await expect.poll(() => attention.textContent()).toContain('Changed in the source')
    expect(await attention.locator('del').first().textContent()).toContain('partly')
    expect(await attention.locator('ins').first().textContent()).toContain('largely')

    // The claim card in the library: the cited words kept, the mark and the diff.
    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('maldistribution')
    const card = library(page).getByRole('option').filter({ hasText: 'Changed in the source' }).first()
    await card.waitFor()
    expect(await card.locator('blockquote').textContent()).toContain('partly to blame')
    expect(await card.locator('del').allTextContents()).toEqual(['partly '])
    expect(await card.locator('ins').allTextContents()).toEqual(['largely '])
    await screenshot(page, 'quote-changed-in-source.png')

    await card.dblclick()
    const form = page.getByRole('dialog', { name: 'Edit claim' })
    await form.getByRole('alert').filter({ hasText: 'Changed in the source' }).waitFor()
    await screenshot(page, 'quote-changed-claim-form.png')
    await form.getByRole('button', { name: 'Accept the new words' }).click()
    await page.getByRole('status').filter({ hasText: 'The claim now quotes the source’s new words.' }).waitFor()
    await expect.poll(() => form.getByRole('blockquote', { name: 'Quote' }).textContent()).toContain('largely to blame')
    await form.getByRole('button', { name: 'Cancel' }).click()
    await form.waitFor({ state: 'detached' })
    await expect.poll(() => library(page).getByRole('option').filter({ hasText: 'Changed in the source' }).count()).toBe(0)
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([])
  })
})
