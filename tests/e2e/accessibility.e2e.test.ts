import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { screenshot, useBrowserSession } from './harness'

const EDITORIAL = 'Editorial on the crisis in general practice and integration with hospital care'
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Left panel' }).getByRole('tab', { name })
const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })

describe('the app is accessible', () => {
  const session = useBrowserSession({ defaultTimeout: 5_000 })
  const found: string[] = []

  /** Runs axe on what is on screen now and notes what it finds under this screen's name. */
  async function check(name: string) {
    const violations = await axeViolations(session.page)
    if (violations.length) found.push(`${name}:\n  ${describeViolations(violations)}`)
    if (violations.length) console.log(`axe: ${name}:\n  ${describeViolations(violations)}`)
  }

  async function checkDialog(name: string, open: () => Promise<unknown>) {
    await open()
    const dialog = session.page.getByRole('dialog', { name })
    await dialog.waitFor()
    await session.page.waitForTimeout(150)
    await check(`dialog “${name}”`)
    // A dialog has its × ; the claim picker is a popover that Escape closes.
    const close = dialog.getByRole('button', { name: 'Close dialog' })
    if (await close.count()) await close.click()
    else await session.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }

  it('axe-core finds nothing on any main screen or dialog', async () => {
    const { page, errors } = session
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor()
    await check('sources and the brief')

    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: EDITORIAL }).click()
    await page.getByRole('main', { name: 'Reader' }).locator('#p-1 .para-text').waitFor()
    await check('the reader with a source open')
    await checkDialog('Edit record', () => page.getByRole('button', { name: 'Edit record' }).click())

    // A selection in the reader, then the claim form.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('#p-1 .para-text')!, NodeFilter.SHOW_TEXT)
      let text = walker.nextNode() as Text
      while ((text.data.length ?? 0) < 40) text = walker.nextNode() as Text
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, 40)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
    })
    await page.getByRole('button', { name: 'New claim' }).waitFor()
    await check('a passage selected in the reader')
    await checkDialog('New claim', () => page.keyboard.press('Control+Enter'))

    await tab(page, 'Claims').click()
    await page.locator('.claim-card').first().waitFor()
    await page.getByRole('button', { name: 'Filters' }).click()
    await check('the claims library with its filters')
    await page.getByRole('button', { name: 'Filters' }).click()
    await checkDialog('Tags', () => page.getByRole('button', { name: 'Tags…' }).click())
    await checkDialog('Questions', () => page.getByRole('button', { name: 'Questions…' }).click())
    await checkDialog('Edit claim', () => page.locator('.claim-card').first().dblclick())

    await tab(page, 'Suggestions').click()
    await page.waitForTimeout(500)
    await check('suggestions for the open source')

    await brief(page).getByRole('tab', { name: 'Outline' }).click()
    await check('the brief with its outline')
    await brief(page).getByRole('tab', { name: 'Evidence' }).click()
    await check('the brief with its evidence')
    await checkDialog('New brief', () => brief(page).getByRole('button', { name: 'New brief' }).click())
    for (const [item, name] of [
      ['Rename…', 'Rename brief'],
      ['Citation style and settings…', 'Brief settings'],
      ['Version history…', 'Version history'],
    ] as const) {
      await checkDialog(name, async () => {
        await brief(page).getByRole('button', { name: 'Brief actions' }).click()
        await page.getByRole('menuitem', { name: item }).click()
      })
    }
    await checkDialog('Export to Word', () => page.getByRole('button', { name: 'Export to Word…' }).click())
    await checkDialog('Insert a claim', async () => {
      await brief(page).getByRole('textbox', { name: /^Brief: / }).locator('p').first().click()
      await page.keyboard.press('Control+Shift+K')
    })
    await page.getByRole('button', { name: 'Project ▾' }).click()
    await check('the project menu')
    await page.keyboard.press('Escape')

    await page.keyboard.press('Control+Shift+F')
    await check('focus mode')
    await page.keyboard.press('Control+Shift+L')
    await check('focus mode with the claims')
    await page.keyboard.press('Control+Shift+F')
    await screenshot(page, 'accessibility-last-screen.png')

    expect(found.join('\n\n')).toBe('')
    expect(errors).toEqual([])
  }, 120_000)

  it('focus is always visible: every stop of the Tab order from the top of the window shows a ring', async () => {
    const { page, errors } = session
    await page.reload()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor()
    const unseen: string[] = []
    const seen = new Set<string>()
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        const style = getComputedStyle(el)
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
        const name = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`
        return { name, ring }
      })
      if (!stop) continue
      seen.add(stop.name)
      if (!stop.ring) unseen.push(stop.name)
    }
    expect(seen.size).toBeGreaterThan(15)
    expect(unseen).toEqual([])
    expect(errors).toEqual([])
  })
})
