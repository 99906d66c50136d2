import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { plain, readDocx } from '../fixtures/docx-inspect'
import { callApi, downloadFrom, screenshot, useBrowserSession } from './harness'
import { openExportOf } from './steps'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const editor = (page: Page) => brief(page).getByRole('textbox', { name: /^Brief: / })
const pane = (page: Page) => brief(page).getByRole('region', { name: 'Comments' })
const thread = (page: Page) => pane(page).locator('.comment-thread').first()
const status = (page: Page) => brief(page).locator('.save-status')
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

/** Puts the caret at the start of a section's first paragraph and selects its first `words` words. */
async function selectWords(page: Page, words: number, section = 'Background') {
  await editor(page).locator(`h2:has-text("${section}") + p`).click({ position: { x: 2, y: 6 } })
  await page.keyboard.press('Home')
  for (let i = 0; i < words; i++) await page.keyboard.press('Control+Shift+ArrowRight')
  // The editor takes the selection from the browser's selectionchange event, a moment after the keys.
  await page.waitForTimeout(150)
}

describe('comments on the brief, in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  let page: Page
  let errors: string[]
  beforeAll(async () => {
    ;({ page, errors } = session)
    await callApi(session.server, 'settings.update', { authorName: 'Ann Analyst' })
  })

  it('an analyst comments on words, replies, resolves and reopens, jumps back to the words, and keeps the comment when the words are deleted', async () => {
    await selectWords(page, 3)
    const words = (await selected(page)).trim()
    expect(words.split(/\s+/)).toHaveLength(3)
    await page.keyboard.press('Control+Alt+M')
    const dialog = page.getByRole('dialog', { name: 'Comment' })
    await dialog.getByRole('textbox', { name: 'Your comment' }).fill('Is this still true after the 2024 contract?')
    await dialog.getByRole('button', { name: 'Comment', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    // The words are marked, and the Comments pane opens on the new thread, by the analyst named in Settings.
    await expect.poll(() => editor(page).locator('mark.brief-comment').textContent()).toBe(words)
    await expect.poll(() => thread(page).textContent()).toContain('Is this still true after the 2024 contract?')
    expect(await thread(page).locator('.comment-author').textContent()).toBe('Ann Analyst')
    expect(await thread(page).locator('q').textContent()).toBe(words)

    await thread(page).getByRole('button', { name: 'Reply' }).click()
    await thread(page).getByRole('textbox', { name: 'Your reply' }).fill('Yes: the 2024 figures say so.')
    await thread(page).getByRole('button', { name: 'Reply' }).click()
    await expect.poll(() => thread(page).locator('.comment').count()).toBe(2)

    await thread(page).getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => editor(page).locator('mark.brief-comment.is-resolved').count()).toBe(1)
    await pane(page).getByRole('button', { name: 'Show resolved (1)' }).click()
    await pane(page).getByRole('button', { name: 'Reopen' }).click()
    await expect.poll(() => editor(page).locator('mark.brief-comment.is-resolved').count()).toBe(0)

    // The thread's words are a link back to them: the caret goes elsewhere, then the pane brings it back.
    await editor(page).locator('h2:has-text("The problem") + p').click()
    await thread(page).getByRole('button', { name: /^Go to the words/ }).click()
    await expect.poll(() => selected(page)).toBe(words)
    await expect.poll(() => thread(page).getAttribute('aria-current')).toBe('true')
    await screenshot(page, 'brief-comments.png')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Deleting the commented words keeps the thread, detached, with what it was on.
    await page.keyboard.press('Backspace')
    await expect.poll(() => editor(page).locator('mark.brief-comment').count()).toBe(0)
    await expect.poll(() => pane(page).getByRole('list', { name: 'Detached comments' }).textContent()).toContain('Yes: the 2024 figures say so.')
    expect(await thread(page).locator('.comment-badge').textContent()).toBe('Detached')
    await expect.poll(() => status(page).getAttribute('data-save-state'), { timeout: 10_000 }).toBe('saved')
    await screenshot(page, 'brief-comments-detached.png')

    // Saved with the brief: after a reload it is all still there.
    await page.reload()
    await brief(page).getByRole('tab', { name: 'Comments' }).waitFor()
    if ((await brief(page).getByRole('tab', { name: 'Comments' }).getAttribute('aria-selected')) !== 'true') await brief(page).getByRole('tab', { name: 'Comments' }).click()
    await expect.poll(() => pane(page).getByRole('list', { name: 'Detached comments' }).locator('.comment').count()).toBe(2)
    expect(errors).toEqual([])
  })

  it('an analyst exports the brief with Comments switched on: the open thread and its reply are Word comments on the same words, the detached one is left out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'evident-comments-e2e-'))
    afterAll(() => rmSync(out, { recursive: true, force: true }))
    await selectWords(page, 2, 'The problem')
    const words = (await selected(page)).trim()
    await brief(page).getByRole('button', { name: 'Comment on the selected words' }).click()
    const dialog = page.getByRole('dialog', { name: 'Comment' })
    await dialog.getByRole('textbox', { name: 'Your comment' }).fill('Name the areas.')
    await dialog.getByRole('button', { name: 'Comment', exact: true }).click()
    await pane(page).getByRole('list', { name: 'Open comments' }).getByRole('button', { name: 'Reply' }).click()
    await pane(page).getByRole('textbox', { name: 'Your reply' }).fill('Wolverhampton and Northumbria.')
    await pane(page).getByRole('textbox', { name: 'Your reply' }).press('Control+Enter')
    await expect.poll(() => pane(page).getByRole('list', { name: 'Open comments' }).locator('.comment').count()).toBe(2)
    await expect.poll(() => status(page).getAttribute('data-save-state'), { timeout: 10_000 }).toBe('saved')

    const exporting = await openExportOf(page, 'Should hospital trusts run general practice?')
    const comments = exporting.getByRole('checkbox', { name: /^Comments, as Word comments/ })
    expect(await comments.isChecked()).toBe(false)
    await comments.check()
    await screenshot(page, 'export-comments-switch.png')
    const target = join(out, 'commented.docx')
    await downloadFrom(page, () => exporting.getByRole('button', { name: 'Export…' }).click(), target)
    await exporting.waitFor({ state: 'detached' })

    const docx = await readDocx(target)
    expect(plain(docx.comments)).toBe('Name the areas.Wolverhampton and Northumbria.')
    expect(docx.comments).toMatch(/w:author="Ann Analyst"/)
    // The range holds the commented words, as in the editor.
    const range = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(docx.document)?.[1] ?? ''
    expect(plain(range)).toBe(words)
    // The switch is remembered for this brief, like the other additions.
    const again = await openExportOf(page, 'Should hospital trusts run general practice?')
    expect(await again.getByRole('checkbox', { name: /^Comments, as Word comments/ }).isChecked()).toBe(true)
    await again.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })
})
