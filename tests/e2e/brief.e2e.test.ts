import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, openApp, screenshot, startServer, useBrowserSession, type EvidentServer } from './harness'
import { briefPane as brief, briefEditor as editor, newBrief, writeIn } from './steps'

const paragraphUnder = (page: Page, heading: string) => editor(page).locator(`h2:has-text("${heading}") + p`)
const labels = (page: Page) => editor(page).locator('.citation sup').allTextContents()

/** New briefs cite in Harvard; these stories follow a numeric style's numbers, so the analyst starts one and picks Vancouver. */
async function newVancouverBrief(page: Page, title: string): Promise<void> {
  await newBrief(page, title)
  await brief(page).getByRole('button', { name: 'Brief actions' }).click()
  await page.getByRole('menuitem', { name: 'Citation style and settings…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Brief settings' })
  await dialog.getByLabel('Citation style').selectOption({ label: 'Vancouver' })
  await dialog.getByRole('radio', { name: 'In-text citations with a reference list' }).check()
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/** Searches the library for a claim and drags its card to the end of a paragraph (with Alt: as a quote). */
async function dragClaim(page: Page, search: string, paragraph: Locator, alt = false): Promise<void> {
  await page.getByPlaceholder('Search claims').fill(search)
  await expect.poll(() => page.locator('.claim-card').first().textContent()).toContain(search)
  const box = (await paragraph.boundingBox())!
  await paragraph.evaluate((el) => {
    document.querySelectorAll('[data-drop-target]').forEach((e) => e.removeAttribute('data-drop-target'))
    el.setAttribute('data-drop-target', '')
  })
  if (alt) await page.keyboard.down('Alt')
  // The end of the last line: after the sentence just typed.
  await page.dragAndDrop('.claim-card >> nth=0', '[data-drop-target]', { targetPosition: { x: box.width - 3, y: box.height - 8 } })
  if (alt) await page.keyboard.up('Alt')
}

/** Types a sentence at the end of a section's first paragraph and cites the claim found by `search` after it, by keyboard. */
async function writeAndCite(page: Page, heading: string, sentence: string, search: string): Promise<void> {
  await writeIn(page, heading, sentence)
  await page.keyboard.press('Control+Shift+K')
  const picker = page.getByRole('dialog', { name: 'Insert a claim' })
  const box = picker.getByRole('combobox', { name: 'Find a claim to cite' })
  await box.fill(search)
  await expect.poll(() => picker.getByRole('option', { selected: true }).textContent()).toContain(search)
  await page.keyboard.press('Enter')
  await box.waitFor({ state: 'detached' })
}

describe('the brief editor in the browser', () => {
  // Fail a step in seconds with Playwright's own message, well inside the test's time limit.
  const { page, errors } = useBrowserSession({ defaultTimeout: 8_000 })

  it('an analyst creates a policy brief and sees its sections in the outline', async () => {
    await newBrief(page, 'Trusts and general practice')
    await brief(page).getByRole('tab', { name: 'Outline' }).click()
    const outline = brief(page).getByRole('navigation', { name: 'Outline' })
    const titles = await outline.locator('.outline-title').allTextContents()
    expect(titles).toEqual(['Key messages', 'Background', 'The problem', 'Options', 'Option 1', 'Option 2', 'Recommendations', 'References'])
    // Keyboard: Alt+ArrowDown moves Background (with its content) below The problem.
    await outline.getByRole('button', { name: /^Background, / }).focus()
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => editor(page).locator('h2').allTextContents()).toEqual(['Key messages', 'The problem', 'Background', 'Options', 'Recommendations', 'References'])
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => outline.locator('.outline-level-2 > .outline-row .outline-title').allTextContents()).toEqual(['Key messages', 'Background', 'The problem', 'Options', 'Recommendations', 'References'])
    expect(errors).toEqual([])
  })

  it('an analyst drags a claim card into the Background section and sees citation 1 and a reference', async () => {
    await newVancouverBrief(page, 'Dragging evidence')
    await page.getByRole('tab', { name: 'Claims' }).click()
    const background = await writeIn(page, 'Background', 'Some trusts already run practices.')
    await dragClaim(page, 'Northumberland', background)
    await expect.poll(() => labels(page)).toEqual(['1'])
    // Vancouver in the text: the citation stands before the full stop, as in the .docx.
    await expect.poll(() => background.textContent()).toBe('Some trusts already run practices1.')
    const references = editor(page).locator('.brief-references-list li')
    await expect.poll(() => references.allTextContents()).toEqual([expect.stringContaining('Hospitals could run general practice services in underserved areas')])

    // A second source becomes 2; with Alt held, a card lands as its verbatim quote in a block of its own.
    const problem = await writeIn(page, 'The problem', 'GP leaders fear becoming hospital employees.')
    await dragClaim(page, 'Vertical integration', problem)
    await expect.poll(() => labels(page)).toEqual(['1', '2'])
    const option = await writeIn(page, 'Option 1', 'Trusts could step in where services struggle.', 'h3')
    await dragClaim(page, 'ideology', option, true)
    const quote = editor(page).locator('figure.evidence-quote')
    await expect.poll(() => quote.textContent()).toContain('assertion of ideology over pragmatism')
    await expect.poll(() => references.count()).toBe(2)
    expect(errors).toEqual([])
  })

  it('an analyst inserts a claim by keyboard with Ctrl+Shift+K', async () => {
    await newVancouverBrief(page, 'Citing by keyboard')
    await writeAndCite(page, 'Key messages', 'Federations are another way to integrate.', 'GP federations are an alternative route')
    await expect.poll(() => labels(page)).toEqual(['1'])
    // The caret is after the citation: typing carries on in the same paragraph.
    await page.keyboard.type(' More to follow.')
    // The full stop moved after the in-text citation, and the caret with it.
    await expect.poll(() => paragraphUnder(page, 'Key messages').textContent()).toBe('Federations are another way to integrate1. More to follow.')
    expect(errors).toEqual([])
  })

  it('numbering updates when a citation is inserted above another', async () => {
    await newVancouverBrief(page, 'Renumbering')
    await writeAndCite(page, 'Background', 'Hospitals lack the know-how.', 'Hospitals lack the know-how')
    await expect.poll(() => labels(page)).toEqual(['1'])
    await writeAndCite(page, 'Key messages', 'Demand is rising.', 'Demand on general practice is rising')
    // The new citation comes first in the document, so it is 1 and the earlier one becomes 2.
    await expect.poll(() => labels(page)).toEqual(['1', '2'])
    const first = editor(page).locator('.citation').first()
    expect(await first.getAttribute('aria-label')).toMatch(/^Citation 1: Demand on general practice/)
    await expect.poll(() => editor(page).locator('.brief-references-list li').count()).toBe(2)
    expect(errors).toEqual([])
  })

  it('following a citation opens the source at the quote', async () => {
    await brief(page).getByRole('combobox', { name: 'Brief' }).selectOption({ label: 'Dragging evidence' })
    await editor(page).locator('h1', { hasText: 'Dragging evidence' }).waitFor()
    // The brief column widened as far as it goes, by keyboard on its divider, to show the evidence beside the text.
    await page.getByRole('separator', { name: 'Resize the brief column' }).focus()
    await page.keyboard.press('End')
    await brief(page).getByRole('tab', { name: 'Evidence' }).click()
    // By keyboard: the caret moves onto the citation at the end of the paragraph, which shows its card.
    await paragraphUnder(page, 'The problem').click()
    await page.keyboard.press('End')
    await page.waitForTimeout(100)
    // Over the full stop that follows the in-text citation, then onto the citation.
    await page.keyboard.press('ArrowLeft')
    await page.waitForTimeout(100)
    await page.keyboard.press('ArrowLeft')
    const card = page.getByRole('dialog', { name: 'Citation 2' })
    await expect.poll(() => card.textContent()).toContain('GPs risk being devoured by hospital trusts')
    const quote = (await card.locator('blockquote').textContent())!.replace(/[“”…]/g, '')
    // Enter moves into the card; Enter again follows the citation.
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Open in source')
    await page.keyboard.press('Enter')
    const reader = page.getByRole('main', { name: 'Reader' })
    await expect.poll(() => reader.locator('.para-jumped').textContent()).toContain(quote.slice(0, 40))
    expect(await reader.textContent()).toContain('GPs risk being devoured by hospital trusts')
    await brief(page).getByRole('button', { name: '← Back to the citation' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Citation 2: Vertical/)
    await card.waitFor()
    await screenshot(page, 'brief-editor.png')
    await page.getByRole('separator', { name: 'Resize the brief column' }).focus()
    await page.keyboard.press('Home')
    expect(errors).toEqual([])
  })
  it('an analyst drops a file from the desktop on the brief and it is imported once', async () => {
    await page.getByRole('tablist', { name: 'Left panel' }).getByRole('tab', { name: 'Sources' }).click()
    const sources = page.getByRole('listbox', { name: 'Sources' }).getByRole('option')
    await expect.poll(() => sources.count()).toBeGreaterThan(0)
    const before = await sources.count()
    await paragraphUnder(page, 'Background').scrollIntoViewIfNeeded()
    await paragraphUnder(page, 'Background').evaluate((target) => {
      const files = new DataTransfer()
      files.items.add(new File(['Rural practice notes\n\nSingle-handed practices close faster in rural areas.\n'], 'rural-notes.txt', { type: 'text/plain' }))
      const box = target.getBoundingClientRect()
      const at = { bubbles: true, cancelable: true, dataTransfer: files, clientX: box.left + 5, clientY: box.top + 5 }
      target.dispatchEvent(new DragEvent('dragenter', at))
      target.dispatchEvent(new DragEvent('dragover', at))
      target.dispatchEvent(new DragEvent('drop', at))
    })
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    await expect.poll(() => sources.count()).toBe(before + 1)
    // A second import of the same drop would report a duplicate or add a second copy.
    await page.waitForTimeout(500)
    expect(await summary.textContent()).toContain('1 file imported')
    expect(await summary.textContent()).toContain('0 duplicates skipped')
    expect(await sources.count()).toBe(before + 1)
    expect(await page.locator('.drop-overlay').count()).toBe(0)
    await summary.getByRole('button', { name: 'Close', exact: true }).click()
    expect(errors).toEqual([])
  })
})

describe('the brief after a crash', () => {
  it('the brief survives the server being killed mid-edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evident-brief-kill-'))
    const project = join(dir, 'x.evident')
    const browser = await launchBrowser()
    const servers: EvidentServer[] = []
    try {
      const first = await startServer({ project, create: true })
      servers.push(first)
      const { page } = await openApp(browser, first.url)
      page.setDefaultTimeout(8_000)
      await newBrief(page, 'Crash test')
      await writeIn(page, 'Background', 'Typed just before the crash.')
      await page.waitForTimeout(1_500)
      await first.crash()
      const second = await startServer({ project })
      servers.push(second)
      await page.goto(second.url)
      await brief(page).getByRole('combobox', { name: 'Brief' }).selectOption({ label: 'Crash test' })
      await expect.poll(() => paragraphUnder(page, 'Background').textContent(), { timeout: 10_000 }).toBe('Typed just before the crash.')
    } finally {
      await browser.close()
      for (const server of servers) await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
