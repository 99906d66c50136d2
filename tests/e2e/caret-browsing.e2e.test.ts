import { describe, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './axe'
import { screenshot, useBrowserSession } from './harness'
import { sourceList } from './steps'

const EDITORIAL = /Editorial on the crisis/
// ¶ 1 of the editorial: "In 2008, on the 60th birthday of the NHS Don Berwick, then President and …"
const QUOTE = 'on the 60th birthday of the NHS'

describe('caret browsing in the reader: a claim made without the mouse', () => {
  const { page, errors } = useBrowserSession({ defaultTimeout: 10_000 })

  const reader = () => page.getByRole('main', { name: 'Reader' })
  const toggle = () => reader().getByRole('button', { name: 'Caret browsing' })
  const said = () => page.locator('.reader-scroll [role=status]').textContent()
  const selected = () => page.evaluate(() => document.getSelection()!.toString())
  async function press(key: string, times = 1) {
    for (let i = 0; i < times; i++) await page.keyboard.press(key)
  }
  /** The drawn caret, and whether it stands inside the paragraph given. */
  const caretIn = (paragraph: string) =>
    page.evaluate((selector) => {
      const caret = document.querySelector<HTMLElement>('.text-caret')?.getBoundingClientRect()
      const para = document.querySelector(selector)!.getBoundingClientRect()
      return !!caret && caret.height > 8 && caret.top >= para.top - 2 && caret.bottom <= para.bottom + 2 && caret.left >= para.left - 2
    }, paragraph)

  it('with caret browsing off the arrows scroll as before, and Shift+arrow says how to select', async () => {
    await sourceList(page).getByRole('option', { name: EDITORIAL }).click()
    await reader().locator('#p-1 .para-text').waitFor()
    expect(await toggle().getAttribute('aria-pressed')).toBe('false')
    await page.locator('.reader-scroll').focus()
    await press('Shift+ArrowRight')
    expect(await selected()).toBe('')
    await expect.poll(said).toMatch(/press F7/)
    await expect.poll(() => page.locator('.text-caret').count()).toBe(0)
  })

  it('F7 shows a caret in the text; Ctrl+Shift+arrows select words; Ctrl+Enter makes the claim', async () => {
    await press('F7')
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true')
    await expect.poll(said).toMatch(/^Caret browsing on/)
    await expect.poll(() => caretIn('#p-1 .para-text')).toBe(true)

    await press('ArrowRight', 9)
    await expect.poll(said).toMatch(/^o/)
    await press('Control+Shift+ArrowRight', 7)
    expect(await selected()).toBe(QUOTE)
    await expect.poll(said).toMatch(/^Selected: /)
    await press('Control+Shift+ArrowLeft')
    expect(await selected()).toBe('on the 60th birthday of the ')
    await expect.poll(said).toMatch(/^Unselected: NHS/)
    await press('Control+Shift+ArrowRight')
    expect(await selected()).toBe(QUOTE)
    await expect.poll(() => caretIn('#p-1 .para-text')).toBe(true)
    await screenshot(page, 'caret-browsing-selection.png')

    expect(await axeViolations(page).then(describeViolations)).toBe('')
    await press('Control+Enter')
    const form = page.getByRole('dialog', { name: 'New claim' })
    await form.waitFor()
    await expect.poll(() => form.textContent()).toContain(QUOTE)
    await screenshot(page, 'caret-browsing-claim-form.png')
    await press('Escape')
    await form.waitFor({ state: 'detached' })
  })

  it('the caret stays in the text: at its start and end it goes no further, and the text scrolls to follow it', async () => {
    await page.locator('.reader-scroll').focus()
    await press('Control+Home')
    await press('ArrowUp')
    await expect.poll(said).toMatch(/^Start of the text/)
    await press('ArrowLeft')
    expect(await page.evaluate(() => document.getSelection()!.focusOffset)).toBe(0)
    await expect.poll(() => caretIn('#p-1 .para-text')).toBe(true)

    await press('End')
    await expect.poll(said).toMatch(/^In 2008/)
    await press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.getSelection()!.focusNode!.parentElement!.closest('.para')!.id)).toBe('p-1')

    await press('Control+End')
    const scrolled = await page.locator('.reader-scroll').evaluate((el) => el.scrollTop)
    expect(scrolled).toBeGreaterThan(200)
    const last = await page.locator('.para').last().getAttribute('id')
    await expect.poll(() => caretIn(`#${last} .para-text`)).toBe(true)
    await press('ArrowRight')
    await expect.poll(said).toMatch(/^End of the text/)
    await press('Control+Shift+Home')
    expect((await selected()).startsWith('In 2008')).toBe(true)
    await press('Control+Home')
    expect(await selected()).toBe('')
  })

  it('the toggle turns it off (the arrows scroll again) and on (focus goes to the text)', async () => {
    await toggle().focus()
    await press('Enter')
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => page.locator('.text-caret').count()).toBe(0)
    await page.locator('.reader-scroll').focus()
    const top = await page.locator('.reader-scroll').evaluate((el) => el.scrollTop)
    await press('ArrowDown', 3)
    await expect.poll(() => page.locator('.reader-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(top)
    // Keyboard scrolling is animated: let it come to rest.
    await expect.poll(() => page.locator('.reader-scroll').evaluate((el) => new Promise((done) => {
      const at = el.scrollTop
      setTimeout(() => done(el.scrollTop === at), 150)
    }))).toBe(true)

    await toggle().focus()
    await press('Space')
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('reader-scroll'))).toBe(true)
    // The old caret scrolled away: the new one starts where the analyst is reading.
    await expect.poll(() => page.locator('.text-caret').count()).toBe(1)
    expect(await page.evaluate(() => document.getSelection()!.focusNode!.parentElement!.closest('.para')!.id)).not.toBe('p-1')
    // Remembered, as browsers remember F7.
    await page.reload()
    await sourceList(page).getByRole('option', { name: EDITORIAL }).click()
    await reader().locator('#p-1 .para-text').waitFor()
    expect(await toggle().getAttribute('aria-pressed')).toBe('true')
    expect(errors).toEqual([])
  })
})
