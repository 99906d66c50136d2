import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { downloadFrom, screenshot, useBrowserSession } from './harness'
import { briefPane as brief, briefEditor as editor, newBrief, openExportOf, selectBetween } from './steps'
import { TEMPLATE_PROMPTS } from '@shared/dto/template-prompts'
import { readDocxParagraphs } from '../helpers/docx-paragraphs'

const TITLE = 'Trusts running practices: submission'
const outline = (page: Page) => brief(page).getByRole('navigation', { name: 'Outline' })

/** Replaces the template's prompt under a heading with the analyst's words (select the prompt, type over it). */
async function writeOver(page: Page, heading: string, prompt: string, text: string): Promise<void> {
  const paragraph = editor(page).locator(`h2:has-text("${heading}") + p`)
  await paragraph.click()
  await selectBetween(paragraph, prompt.slice(0, 12), prompt.slice(-12))
  await page.waitForTimeout(100)
  await page.keyboard.type(text)
}

async function openSettings(page: Page) {
  await brief(page).getByRole('button', { name: 'Brief actions' }).click()
  await page.getByRole('menuitem', { name: 'Citation style and settings…' }).click()
  return page.getByRole('dialog', { name: 'Brief settings' })
}

describe('house layouts in the browser', () => {
  const { page, errors } = useBrowserSession({ defaultTimeout: 8_000 })
  const out = mkdtempSync(join(tmpdir(), 'evident-layouts-e2e-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('an analyst writes a ministerial submission with numbered paragraphs, sets its length, and exports it without the parts left empty', async () => {
    await newBrief(page, TITLE, /^Ministerial submission/)
    // The template's sections, numbered as Word will number them; the prompts say what goes where.
    await expect.poll(() => editor(page).locator('h2').evaluateAll((hs) => hs.map((h) => `${(h as HTMLElement).dataset.number ?? ''} ${h.textContent}`))).toEqual([
      '1. Issue',
      '2. Recommendation',
      '3. Timing',
      '4. Background',
      '5. Argument',
      ' References',
    ])
    await writeOver(page, 'Issue', TEMPLATE_PROMPTS.issue, 'Whether hospital trusts may run general practices in three pilot areas.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('The trusts have asked for a decision before the new contracts start.')
    await writeOver(page, 'Recommendation', TEMPLATE_PROMPTS.recommendation, 'That you agree to a two-year pilot, reviewed after the first year.')
    await writeOver(page, 'Background', TEMPLATE_PROMPTS.background, 'Trusts already run some practices where recruitment failed.')
    // Timing and Argument keep their prompts: the export will leave them out.
    await expect
      .poll(() => editor(page).locator('[data-number]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.number)))
      .toEqual(['1.', '1.1', '1.2', '2.', '2.1', '3.', '3.1', '4.', '4.1', '5.', '5.1'])

    // A target of one page: the outline says where the brief stands against it.
    let settings = await openSettings(page)
    await settings.getByLabel('Target length').fill('lots')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await settings.getByText('Give the target length as a number of pages or words').waitFor()
    await settings.getByLabel('Target length').fill('60 words')
    expect(await settings.getByRole('checkbox', { name: /Numbered paragraphs/ }).isChecked()).toBe(true)
    await screenshot(page, 'layouts-brief-settings.png')
    expect(describeViolations(await axeViolations(page, '[role="dialog"]'))).toBe('')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await settings.waitFor({ state: 'hidden' })
    await brief(page).getByRole('tab', { name: 'Outline' }).click()
    const target = outline(page).locator('.outline-target')
    await expect.poll(() => target.textContent()).toMatch(/^Over the target of 60 words by \d+ words$/)
    expect(await outline(page).getByRole('status').filter({ hasText: 'Over the target length' }).count()).toBe(1)
    await screenshot(page, 'layouts-ministerial-submission.png')
    // The outline with its target (the editor's scroller is left out: a long brief there trips axe's
    // scrollable-region-focusable on main too, whatever the layout).
    expect(describeViolations(await axeViolations(page, '.brief-outline'))).toBe('')

    settings = await openSettings(page)
    await settings.getByLabel('Target length').fill('1 page')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await settings.waitFor({ state: 'hidden' })
    await expect.poll(() => target.textContent()).toMatch(/^Under the target of 1 page by about 0\.\d page$/)

    // The check lists what the export leaves out; the .docx has real Word numbering and none of it.
    const dialog = await openExportOf(page, TITLE)
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    const leftOut = dialog.getByRole('region', { name: 'Left out of the export' })
    await leftOut.waitFor()
    expect(await leftOut.locator('li > span').allTextContents()).toEqual(['“Timing”: nothing written under it yet', '“Argument”: nothing written under it yet'])
    await screenshot(page, 'layouts-export-check.png')
    expect(describeViolations(await axeViolations(page, '[role="dialog"]'))).toBe('')
    const path = join(out, 'submission.docx')
    await downloadFrom(page, () => dialog.getByRole('button', { name: 'Export…' }).click(), path)
    const paragraphs = readDocxParagraphs(path).filter((p) => p.text.trim())
    expect(paragraphs.map((p) => [p.text, p.numbering?.lvlText ?? null])).toEqual([
      [TITLE, null],
      ['Issue', '%1.'],
      ['Whether hospital trusts may run general practices in three pilot areas.', '%1.%2'],
      ['The trusts have asked for a decision before the new contracts start.', '%1.%2'],
      ['Recommendation', '%1.'],
      ['That you agree to a two-year pilot, reviewed after the first year.', '%1.%2'],
      ['Background', '%1.'],
      ['Trusts already run some practices where recruitment failed.', '%1.%2'],
      ['References', null],
    ])
    expect(errors).toEqual([])
  })

  it('the Key messages section of a policy brief is a shaded, bordered box in the editor', async () => {
    await newBrief(page, 'Trusts and practices: policy brief')
    await editor(page).locator('h2:has-text("Key messages") + p').click()
    await page.keyboard.type('Trusts can steady practices that are failing, at a cost to their independence.')
    const heading = editor(page).locator('h2[data-role="key-messages"]')
    await heading.waitFor()
    const boxed = await editor(page).locator('h2:has-text("Key messages") + p').evaluate((p) => getComputedStyle(p).backgroundColor)
    expect(boxed).toBe('rgb(232, 238, 247)')
    const after = await editor(page).locator('h2:has-text("Background") + p').evaluate((p) => getComputedStyle(p).backgroundColor)
    expect(after).not.toBe('rgb(232, 238, 247)')
    await screenshot(page, 'layouts-key-messages-box.png')
    expect(errors).toEqual([])
  })
})
