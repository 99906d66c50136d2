import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowserSession } from './harness'

const editor = (page: Page) => page.getByRole('complementary', { name: 'Brief' }).getByRole('textbox', { name: /^Brief: / })
const status = (page: Page) => page.getByRole('complementary', { name: 'Brief' }).locator('.save-status')

/** ~90,000 characters in 300 sentences: a long brief's worth of text, well over what is sent from the page itself. */
const LONG_TEXT = Array.from({ length: 300 }, (_, i) => `Sentence ${i} of a long pasted passage on general practice and hospital trusts, kept word for word. `).join('\n\n')

describe('autosave of a long brief in the browser', () => {
  const { page, errors } = useBrowserSession({ defaultTimeout: 15_000 })

  it('a long brief is saved from a background worker, records its main-thread cost, and is all there after a reload', async () => {
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    await editor(page).locator('p').first().click()
    await page.keyboard.press('End')
    await page.waitForTimeout(100)
    await editor(page).evaluate((el, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, LONG_TEXT)
    await expect.poll(() => editor(page).textContent()).toContain('Sentence 299 of a long pasted passage')
    const saves = () => page.evaluate(() => performance.getEntriesByName('evident:autosave').map((e) => e.duration))
    await expect.poll(async () => (await saves()).length, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^Saved \d/)
    // Typing after the paste is saved too, on top of the revision the worker's save returned.
    await page.keyboard.type(' The end.')
    await expect.poll(async () => (await saves()).length, { timeout: 10_000 }).toBe(2)
    await expect.poll(() => status(page).getAttribute('data-save-state'), { timeout: 10_000 }).toBe('saved')
    expect(workers.some((url) => /invoke-worker/.test(url))).toBe(true)

    await page.reload()
    await expect.poll(() => editor(page).textContent(), { timeout: 10_000 }).toContain('Sentence 299 of a long pasted passage')
    expect(await editor(page).textContent()).toContain('The end.')
    expect(errors).toEqual([])
  })
})
