import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { screenshot, useBrowserSession } from './harness'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const editor = (page: Page) => brief(page).getByRole('textbox', { name: /^Brief: / })
const cellTexts = (page: Page) => editor(page).locator('table').first().locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => `${c.tagName === 'TH' ? 'th:' : ''}${c.textContent}`)))

describe('tables in the brief, in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 8_000 })

  it('an analyst inserts a table, types in its cells, adds a row and a column, and keeps its header row', async () => {
    const { page, errors } = session
    // At the very end of the paragraph (its last line's right edge), so the table goes below it.
    const background = editor(page).locator('h2:has-text("Background") + p')
    const box = (await background.boundingBox())!
    await background.click({ position: { x: box.width - 2, y: box.height - 4 } })
    await page.keyboard.press('End')
    await page.waitForTimeout(100)
    await brief(page).getByRole('button', { name: 'Insert a table' }).click()
    await editor(page).locator('table').first().waitFor()
    const tools = brief(page).getByRole('toolbar', { name: 'Table' })
    await tools.waitFor()
    expect(await tools.getByRole('button', { name: 'Header row' }).getAttribute('aria-pressed')).toBe('true')

    await editor(page).locator('table th').first().click()
    await page.keyboard.type('Model')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Evidence')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Vertical integration')
    await tools.getByRole('button', { name: '+ Row' }).click()
    await tools.getByRole('button', { name: '+ Column' }).click()
    // The row goes below the caret's row, the column right of the caret's column.
    await expect.poll(() => cellTexts(page)).toEqual([
      ['th:Model', 'th:', 'th:Evidence', 'th:'],
      ['Vertical integration', '', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ])
    // Every column gets a header (an empty one is an accessibility fault); then one column is removed again.
    await editor(page).locator('table th').nth(1).click()
    await page.keyboard.type('Source')
    await editor(page).locator('table th').nth(3).click()
    await page.keyboard.type('Notes')
    await tools.getByRole('button', { name: '− Column' }).click()
    await expect.poll(async () => (await cellTexts(page))[0]).toEqual(['th:Model', 'th:Source', 'th:Evidence'])
    await screenshot(page, 'brief-table.png')
    const violations = await axeViolations(page)
    expect(describeViolations(violations)).toBe('')
    expect((await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth))).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
  })

  it('a table pasted from a web page arrives as a table', async () => {
    const { page, errors } = session
    await editor(page).locator('h2:has-text("The problem") + p').click()
    await page.keyboard.press('End')
    await page.waitForTimeout(100)
    await editor(page).evaluate((el) => {
      const data = new DataTransfer()
      data.setData('text/html', '<table><tr><th>Year</th><th>GPs</th></tr><tr><td>2015</td><td>34,000</td></tr></table>')
      data.setData('text/plain', 'Year\tGPs\n2015\t34,000')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await expect.poll(() => editor(page).locator('table').count()).toBe(2)
    const pasted = await editor(page).locator('table').nth(1).locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))
    expect(pasted).toEqual([
      ['Year', 'GPs'],
      ['2015', '34,000'],
    ])
    expect(errors).toEqual([])
  })
})
