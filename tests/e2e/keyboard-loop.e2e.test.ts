import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { downloadFrom, screenshot, useBrowserSession } from './harness'

// The analyst's own notes, imported as a file: the sentence they will quote, and one around it.
const FILE_NAME = 'ward-visits.txt'
const QUOTE = 'practices that shared one record with the hospital saw readmissions fall by a fifth'
const NOTES = `Ward visits and shared records\n\nIn the pilot, ${QUOTE}. The others saw no change.\n\nStaff said the shared record saved them an hour a day.\n`
const STATEMENT = 'A shared record cut readmissions by a fifth'

interface Stop {
  name: string
  ring: boolean
}

/** What has focus now, by its accessible name, and whether a focus indicator is drawn on it. */
const focused = (page: Page): Promise<Stop | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement ? el.placeholder || el.value : '') ?? ''
    return { name: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} ${(label || el.textContent || '').trim().slice(0, 60)}`, ring }
  })

describe('the whole loop by keyboard alone', () => {
  const { page, errors } = useBrowserSession({ defaultTimeout: 10_000 })
  const dir = mkdtempSync(join(tmpdir(), 'evident-keyboard-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const unseen: string[] = []
  const axeFound: string[] = []

  /** Presses Tab (Shift+Tab when `back`) until the focused element's name matches; every stop must show focus. */
  async function tabTo(name: RegExp, back = false, max = 80): Promise<void> {
    const path: string[] = []
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
      const stop = await focused(page)
      if (!stop) continue
      path.push(stop.name)
      if (!stop.ring) unseen.push(stop.name)
      if (name.test(stop.name)) return
    }
    throw new Error(`Tab never reached ${name}; it went:\n  ${path.join('\n  ')}`)
  }

  /** The focus is on what we expect, and drawn. */
  async function expectFocus(name: RegExp) {
    await expect.poll(async () => (await focused(page))?.name ?? '').toMatch(name)
    const stop = (await focused(page))!
    if (!stop.ring) unseen.push(stop.name)
  }

  async function axe(screen: string) {
    const violations = await axeViolations(page)
    if (violations.length) axeFound.push(`${screen}:\n  ${describeViolations(violations)}`)
  }

  it('imports a file, reads it, makes a claim, finds it, cites it in the brief, checks and exports, without a mouse', async () => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor()
    await axe('the window at start')

    // Import: Tab to Import…, Enter opens the file picker.
    const file = join(dir, FILE_NAME)
    writeFileSync(file, NOTES)
    await tabTo(/^button Import…/)
    // Playwright takes over the picker once it is listening: one round trip to the page makes sure it is.
    const choosing = page.waitForEvent('filechooser')
    await page.evaluate(() => 0)
    await page.keyboard.press('Enter')
    const chooser = await choosing
    await chooser.setFiles(file)
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    await axe('the import summary')
    await expectFocus(/^button Close/)
    await tabTo(/^button Ward visits/)
    await page.keyboard.press('Enter')
    await summary.waitFor({ state: 'detached' })
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText(QUOTE.slice(0, 30)).waitFor()
    await axe('the new source in the reader')

    // Read and claim: Tab to the text, F7 for the caret, walk to the quote, Shift+Ctrl+arrows over it.
    await tabTo(/^div Source text/)
    await page.keyboard.press('F7')
    await page.locator('.text-caret').waitFor()
    const ahead = () => page.evaluate(() => {
      const s = document.getSelection()!
      return (s.focusNode?.textContent ?? '').slice(s.focusOffset)
    })
    for (let i = 0; i < 40 && !(await ahead()).startsWith(QUOTE.slice(0, 20)); i++) {
      await page.keyboard.press((await ahead()).includes(QUOTE.slice(0, 20)) ? 'Control+ArrowRight' : 'ArrowDown')
      // Ctrl+Right stops at word ends: one more step puts the caret before the next word.
      if ((await ahead()).startsWith(' ')) await page.keyboard.press('ArrowRight')
    }
    expect(await ahead()).toMatch(new RegExp(`^${QUOTE.slice(0, 20)}`))
    const selected = () => page.evaluate(() => document.getSelection()!.toString())
    for (let i = 0; i < 30 && (await selected()) !== QUOTE; i++) await page.keyboard.press('Control+Shift+ArrowRight')
    expect(await selected()).toBe(QUOTE)
    await expectFocus(/^div Source text/)
    await axe('a passage selected with the caret')
    await screenshot(page, 'keyboard-loop-1-selected.png')

    await page.keyboard.press('Control+Enter')
    const form = page.getByRole('dialog', { name: 'New claim' })
    await form.waitFor()
    await expectFocus(/^textarea/)
    await axe('the new claim form')
    await page.keyboard.press('Control+A')
    await page.keyboard.type(STATEMENT)
    await tabTo(/^button Create claim/)
    await page.keyboard.press('Enter')
    await form.waitFor({ state: 'detached' })
    await expectFocus(/^div Source text/)

    // Find it: back to the left panel's tabs, the Claims tab, its search.
    await tabTo(/^button\[tab\] Sources/, true)
    await page.keyboard.press('ArrowRight')
    await expectFocus(/^button\[tab\] Claims/)
    await page.keyboard.press('Enter')
    await tabTo(/^input Search claims/)
    await page.keyboard.type('readmissions fall')
    const found = page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: new RegExp(STATEMENT) })
    await found.waitFor()
    await axe('the claim found in the library')
    await screenshot(page, 'keyboard-loop-2-found.png')

    // Cite it: Tab on to the brief, into Key messages, Ctrl+Shift+K, the same words, Enter.
    await tabTo(/^div\[textbox\] Brief: /)
    const editor = page.getByRole('textbox', { name: /^Brief: / })
    // Down to the second key message: a new one goes before it, and Enter after its citation parts the two.
    const caretItem = () => page.evaluate(() => {
      const node = document.getSelection()!.anchorNode
      const li = (node instanceof Element ? node : node?.parentElement)?.closest('li')
      return li ? [...li.parentElement!.children].indexOf(li) : -1
    })
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 8 && (await caretItem()) !== 1; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    expect(await caretItem()).toBe(1)
    await page.keyboard.type(`${STATEMENT} `)
    await page.keyboard.press('Control+Shift+K')
    const picker = page.getByRole('dialog', { name: 'Insert a claim' })
    await picker.waitFor()
    await expectFocus(/^input\[combobox\]/)
    await page.keyboard.type('readmissions fall')
    await picker.getByRole('option', { name: new RegExp(STATEMENT) }).waitFor()
    await axe('the claim picker')
    await page.keyboard.press('Enter')
    await picker.waitFor({ state: 'detached' })
    await expectFocus(/^div\[textbox\] Brief: /)
    await page.keyboard.press('Enter')
    await expect.poll(() => editor.locator('li').nth(1).textContent()).toBe(`${STATEMENT} (‘Ward visits and shared records’, no date, para. 2)`)
    await screenshot(page, 'keyboard-loop-3-cited.png')

    // Check and export: out of the editor by Tab, on to Export to Word…
    await tabTo(/^button Export to Word…/)
    await page.keyboard.press('Enter')
    const exporting = page.getByRole('dialog', { name: 'Export to Word' })
    await exporting.waitFor()
    await expectFocus(/^select/)
    await axe('the export dialog')
    await tabTo(/^button Check quotes/)
    await page.keyboard.press('Enter')
    await exporting.getByText(/^All \d+ citations match the words in their sources\./).waitFor()
    await expectFocus(/^button Check quotes/)
    await axe('the export dialog with the check')
    await screenshot(page, 'keyboard-loop-4-checked.png')
    await tabTo(/^button Export…/)
    const target = join(dir, 'By keyboard alone.docx')
    await downloadFrom(page, () => page.keyboard.press('Enter'), target)
    await exporting.waitFor({ state: 'detached' })
    const docx = spawnSync('pandoc', [target, '-t', 'plain', '--wrap=none'], { encoding: 'utf8' })
    expect(docx.status, docx.stderr).toBe(0)
    expect(docx.stdout).toContain(STATEMENT)
    expect(docx.stdout).toContain('Ward visits and shared records')
    await expectFocus(/^button Export to Word…/)

    expect(axeFound.join('\n\n')).toBe('')
    expect(unseen).toEqual([])
    expect(errors).toEqual([])
  }, 120_000)
})
