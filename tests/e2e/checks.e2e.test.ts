import { describe, expect, it } from 'vitest'
import { screenshot, useBrowserSession } from './harness'
import { briefPane as brief, briefEditor as editor, newBrief } from './steps'


describe('checks by role, in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 8_000 })

  it('an analyst renames Discussion and its uncited paragraph is still listed, with the empty sections', async () => {
    const { page, errors } = session
    await newBrief(page, 'Role check', /^Briefing note/)

    await editor(page).locator('h2:has-text("Discussion") + p').click()
    await page.waitForTimeout(100)
    await page.keyboard.type('Trusts that run practices report longer waits for appointments.')

    await brief(page).getByRole('tab', { name: 'Outline' }).click()
    const outline = brief(page).getByRole('navigation', { name: 'Outline' })
    await outline.getByRole('button', { name: /^Discussion, / }).focus()
    await page.keyboard.press('F2')
    const rename = outline.getByRole('textbox', { name: 'New name for Discussion' })
    await rename.fill('What the evidence says')
    await rename.press('Enter')
    await expect.poll(() => editor(page).locator('h2').allTextContents()).toContain('What the evidence says')

    await brief(page).getByRole('tab', { name: 'Evidence' }).click()
    const uncited = brief(page).getByRole('region', { name: 'Paragraphs without a citation' })
    await expect.poll(() => uncited.textContent()).toContain('What the evidence says: “Trusts that run practices report longer waits')
    const empty = brief(page).getByRole('region', { name: 'Empty sections' })
    expect(await empty.getByRole('listitem').allTextContents()).toEqual([
      'Summary has nothing in it yet. Go to',
      'Background has nothing in it yet. Go to',
      'Recommendation has nothing in it yet. Go to',
    ])
    await empty.getByRole('button', { name: 'Go to the empty section Background' }).click()
    await screenshot(page, 'checks-by-role.png')
    expect(errors).toEqual([])
  })

  it('an analyst exports a brief whose headings skip a level: the gate lists it, offers Export anyway, and Go to puts the caret there', async () => {
    const { page, errors } = session
    await newBrief(page, 'Gate check', /^Blank/)
    await editor(page).locator('h1 + p').click()
    await page.waitForTimeout(100)
    await page.keyboard.type('Detail straight under the title')
    await brief(page).getByRole('button', { name: 'Sub-section heading, H3' }).click()
    await editor(page).locator('h3', { hasText: 'Detail straight under the title' }).waitFor()
    await expect.poll(() => brief(page).locator('.save-status').textContent()).toMatch(/^Saved/)

    await page.getByRole('button', { name: 'Export to Word…' }).click()
    const exportDialog = page.getByRole('dialog', { name: 'Export to Word' })
    await exportDialog.getByRole('button', { name: 'Export…' }).click()
    const gate = exportDialog.getByRole('region', { name: /^Accessibility: 1 error/ })
    await gate.waitFor()
    expect(await gate.textContent()).toContain('A level 3 heading follows a level 1 one: heading levels go down one at a time.')
    expect(await exportDialog.getByRole('button', { name: 'Export anyway' }).count()).toBe(1)
    await screenshot(page, 'export-accessibility-gate.png')

    await gate.getByRole('button', { name: /^Go to it in the brief: Heading order/ }).click()
    await exportDialog.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('h3')?.textContent ?? null))
      .toBe('Detail straight under the title')
    expect(errors).toEqual([])
  })
})
