import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ROOT, screenshot, useBrowserSession } from './harness'

// The starter source and the quote of it that the starter brief's Background cites.
const EDITORIAL = 'Editorial on the crisis in general practice and integration with hospital care'
const CITED = 'Chronic underfunding and maldistribution of resources within the NHS is partly to blame.'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const library = (page: Page) => page.getByRole('listbox', { name: 'Claims' })

describe('no quote changes silently in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))

  it('a new version that rewords a cited sentence marks its claim "changed in the source" with a word diff, and the words change only when the analyst accepts', async () => {
    const original = readFileSync(join(ROOT, 'resources', 'corpus', '000_fc013471f3c8df7b.txt'), 'utf8')
    // The text file wraps lines mid-sentence: match the words across any whitespace.
    const cited = new RegExp(CITED.split(' ').map((w) => w.replace(/[.]/g, '\\.')).join('\\s+'))
    expect(original).toMatch(cited)
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(EDITORIAL) }).click()
    await page.getByLabel(new RegExp(`Choose a new version of ${EDITORIAL}`)).setInputFiles({
      name: 'editorial-revised.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(original.replace(cited, CITED.replace('partly', 'largely'))),
    })
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
