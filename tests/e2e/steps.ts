import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { ROOT } from './harness'

// What an analyst does in more than one story, said once: the panes they look at and the steps they take.

export const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' })
export const briefPane = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
export const briefEditor = (page: Page) => briefPane(page).getByRole('textbox', { name: /^Brief: / })

/** Starts a brief from a template (by the start of its name) and waits for its title in the editor. */
export async function newBrief(page: Page, title: string, template: RegExp = /^Policy brief/): Promise<void> {
  await briefPane(page).getByRole('button', { name: 'New brief' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New brief' })
  await dialog.getByLabel('Title', { exact: true }).fill(title)
  await dialog.getByRole('radio', { name: template }).check()
  await dialog.getByRole('button', { name: 'Create brief' }).click()
  await briefEditor(page).locator('h1', { hasText: title }).waitFor()
}

/** Puts the caret at the end of a section's first paragraph, after typing a sentence there. */
export async function writeIn(page: Page, heading: string, text: string, tag = 'h2'): Promise<Locator> {
  const paragraph = briefEditor(page).locator(`${tag}:has-text("${heading}") + p`).first()
  await paragraph.click()
  await page.keyboard.press('End')
  // Lexical takes the caret from the browser's selectionchange, which arrives just after the key.
  await page.waitForTimeout(100)
  await page.keyboard.type(text)
  return paragraph
}

/** Opens Export to Word with the brief whose title holds `title` chosen, and gives the dialog. */
export async function openExportOf(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export to Word…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export to Word' })
  const brief = dialog.getByRole('combobox', { name: 'Brief', exact: true })
  const option = brief.locator('option', { hasText: title })
  await option.waitFor({ state: 'attached' })
  await brief.selectOption((await option.getAttribute('value'))!)
  return dialog
}

/** Imports one file through the window's file input and closes the summary once the import has finished. */
export async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(file)
  const summary = page.getByRole('dialog', { name: 'Import finished' })
  await summary.waitFor()
  await summary.getByRole('button', { name: 'Close', exact: true }).click()
}

/** Opens one of the ways in of the Import menu (its button, its dialog's name) once the starter's five sources are listed. */
export async function openImportDialog(page: Page, button: string, dialog: string): Promise<Locator> {
  await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(5)
  await page.getByRole('button', { name: button }).click()
  return page.getByRole('dialog', { name: dialog })
}

/** Picks the source whose entry's name matches `name` and opens its Original view, which it gives. */
export async function showOriginal(page: Page, name: RegExp): Promise<Locator> {
  await sourceList(page).getByRole('option', { name }).click()
  await page.getByRole('button', { name: 'Show original' }).click()
  return page.getByRole('region', { name: 'Original' })
}

/** Clicks away from any words selected (so no claim is offered) and hides the Original view. */
export async function hideOriginal(page: Page): Promise<void> {
  await page.evaluate(() => document.getSelection()!.removeAllRanges())
  await page.getByRole('button', { name: 'Hide original' }).click()
}

/** Makes a claim of the words selected now: the form must quote `quote`; the claim says `statement`. */
export async function claimSelection(page: Page, quote: string, statement: string): Promise<void> {
  await page.getByRole('button', { name: 'New claim' }).click()
  const form = page.getByRole('dialog', { name: /claim/i })
  await form.waitFor()
  expect(await form.textContent()).toContain(quote)
  await form.getByLabel(/Statement/i).fill(statement)
  await form.getByRole('button', { name: /Save|Create/ }).click()
}

/** Selects from the first `from` to the end of the first `to` among the text under `root`, as a drag would. */
export async function selectBetween(root: Locator, from: string, to: string): Promise<void> {
  await root.evaluate(
    (element, [start, end]) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
      const first = nodes.find((n) => n.data.includes(start))!
      const last = nodes.find((n) => n.data.includes(end))!
      const range = document.createRange()
      range.setStart(first, first.data.indexOf(start))
      range.setEnd(last, last.data.indexOf(end) + end.length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    },
    [from, to] as const,
  )
}

// The starter source whose quote (cited in the starter brief's Background) a revision alters.
export const EDITORIAL = 'Editorial on the crisis in general practice and integration with hospital care'
export const CITED = 'Chronic underfunding and maldistribution of resources within the NHS is partly to blame.'

/** Gives the editorial a new version whose text is `revise(original, cited)`, the cited sentence matched across line breaks. */
export async function reviseEditorial(page: Page, revise: (original: string, cited: RegExp) => string): Promise<void> {
  const original = readFileSync(join(ROOT, 'resources', 'corpus', '000_fc013471f3c8df7b.txt'), 'utf8')
  // The text file wraps lines mid-sentence: match the words across any whitespace.
  const cited = new RegExp(CITED.split(' ').map((w) => w.replace(/[.]/g, '\\.')).join('\\s+'))
  expect(original).toMatch(cited)
  await sourceList(page).getByRole('option', { name: new RegExp(EDITORIAL) }).click()
  await page.getByLabel(new RegExp(`Choose a new version of ${EDITORIAL}`)).setInputFiles({
    name: 'editorial-revised.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(revise(original, cited)),
  })
}

/** The page's errors less the browser's own line for each refusal the core answered (HTTP 4xx): those are the story. */
export const realErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e))
