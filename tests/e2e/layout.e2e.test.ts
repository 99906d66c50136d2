import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callApi, screenshot, useBrowserSession } from './harness'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
// In focus mode the brief is the window's main content.
const focusedBrief = (page: Page) => page.getByRole('main', { name: 'Brief' })
const briefDivider = (page: Page) => page.getByRole('separator', { name: 'Resize the brief column' })


const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })

/** Whether an element lies wholly inside the window, left to right. */
const insideWindow = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.left >= 0 && box.right <= document.documentElement.clientWidth && box.width > 0
  })

describe('room to write', () => {
  const session = useBrowserSession()

  it('nothing overflows sideways at 1024×640, 1280×720 or 1920×1080, even with a brief whose title is one long word', async () => {
    const { page, server, errors } = session
    // An unbroken 190-character title is the worst case for the header's select, menu and status line.
    const title = `Evidence-${'x'.repeat(180)}`
    await callApi(server, 'briefs.create', { title, template: 'policy-brief' })
    await page.reload()
    await brief(page).getByRole('combobox', { name: 'Brief' }).selectOption({ label: title })
    await brief(page).getByRole('textbox', { name: /^Brief: / }).locator('h1').waitFor()
    for (const [width, height] of [
      [1024, 640],
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.waitForTimeout(200)
      const { scrollWidth, clientWidth } = await overflow(page)
      expect(scrollWidth, `at ${width}×${height}`).toBeLessThanOrEqual(clientWidth)
      expect(await insideWindow(page, '[aria-label="Brief actions"]'), `⋯ menu at ${width}×${height}`).toBe(true)
      const suggestions = page.getByRole('tab', { name: 'Suggestions' })
      const tab = (await suggestions.boundingBox())!
      const column = (await page.getByRole('tablist', { name: 'Left panel' }).boundingBox())!
      expect(tab.x + tab.width, `Suggestions tab at ${width}×${height}`).toBeLessThanOrEqual(column.x + column.width)
      await screenshot(page, `layout-${width}x${height}.png`)
    }
    expect(errors).toEqual([])
  })

  it('the analyst widens the brief by keyboard and by dragging, and the window remembers it', async () => {
    const { page, errors } = session
    await page.setViewportSize({ width: 1440, height: 900 })
    const divider = briefDivider(page)
    const before = Number(await divider.getAttribute('aria-valuenow'))
    await divider.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
    await expect.poll(async () => Number(await divider.getAttribute('aria-valuenow'))).toBe(before + 96)
    expect(Math.round((await brief(page).boundingBox())!.width)).toBe(before + 96)

    const box = (await divider.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200, { steps: 5 })
    await page.mouse.up()
    const dragged = Number(await divider.getAttribute('aria-valuenow'))
    expect(dragged).toBe(before + 96 + 150)

    await page.reload()
    await expect.poll(async () => Number(await briefDivider(page).getAttribute('aria-valuenow'))).toBe(dragged)
    await briefDivider(page).focus()
    await page.keyboard.press('End')
    // The reader keeps its minimum: the brief takes all but that.
    const max = Number(await briefDivider(page).getAttribute('aria-valuemax'))
    await expect.poll(async () => Number(await briefDivider(page).getAttribute('aria-valuenow'))).toBe(max)
    expect((await page.getByRole('main', { name: 'Reader' }).boundingBox())!.width).toBeGreaterThanOrEqual(239)
    await page.keyboard.press('Home')
    await expect.poll(async () => Number(await briefDivider(page).getAttribute('aria-valuenow'))).toBe(320)
    expect(errors).toEqual([])
  })

  it('focus mode gives the brief the window, with the claims one shortcut away', async () => {
    const { page, errors } = session
    await page.setViewportSize({ width: 1280, height: 720 })
    await brief(page).getByRole('combobox', { name: 'Brief' }).selectOption({ label: 'Should hospital trusts run general practice?' })
    await brief(page).getByRole('textbox', { name: /^Brief: Should/ }).click()
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.getByRole('main', { name: 'Reader' }).isVisible()).toBe(false)
    expect(await page.getByRole('tablist', { name: 'Left panel' }).isVisible()).toBe(false)
    expect(await focusedBrief(page).getByRole('button', { name: 'Focus on the brief' }).getAttribute('aria-pressed')).toBe('true')
    expect(Math.round((await focusedBrief(page).boundingBox())!.width)).toBe(1280)
    await screenshot(page, 'focus-mode.png')

    await page.keyboard.press('Control+Shift+L')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search claims')
    expect(await page.getByRole('main', { name: 'Reader' }).isVisible()).toBe(false)
    await screenshot(page, 'focus-mode-claims.png')
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(1280)

    await page.keyboard.press('Control+Shift+L')
    await expect.poll(() => page.getByRole('tablist', { name: 'Left panel' }).isVisible()).toBe(false)
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.getByRole('main', { name: 'Reader' }).isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
