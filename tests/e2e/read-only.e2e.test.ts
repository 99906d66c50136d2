import { describe, expect, it } from 'vitest'
import type { OpenableProject, ProjectInfo } from '@shared/dto/project'
import { axeRuleOutcome, axeViolations, describeViolations } from './axe'
import { invokeApi, screenshot, useBrowserSession } from './harness'
import { realErrors } from './steps'

describe('a project open read-only in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  const { page, errors } = session


  it('the brief cannot be typed in, its status says Read-only and why, and the commands that write are off', async () => {
    const editor = page.locator('.brief-editable')
    await expect.poll(() => page.locator('.save-status').getAttribute('data-save-state')).toBe('saved')
    expect(await editor.getAttribute('contenteditable')).toBe('true')

    const info = (await invokeApi<ProjectInfo>(session.server, 'project.info', {})).value!
    // A script opens a project as the window does: by a handle the core gave out (here, the recent list's).
    const recent = (await invokeApi<OpenableProject[]>(session.server, 'project.recent', {})).value!
    const file = recent.find((r) => r.path === info.path)!.file
    const opened = await invokeApi<ProjectInfo>(session.server, 'project.open', { file, readOnly: true })
    expect(opened.value!.readOnly!.reason).toBe('It was opened read-only.')

    const status = page.locator('.save-status')
    await expect.poll(() => status.getAttribute('data-save-state')).toBe('read-only')
    expect(await status.textContent()).toBe('Read-only')
    expect(await status.getAttribute('aria-label')).toBe('Read-only: It was opened read-only. This brief cannot be changed here.')
    expect(await status.getAttribute('title')).toBe('It was opened read-only. This brief cannot be changed here.')
    await expect.poll(() => page.locator('.brief-editable').getAttribute('contenteditable')).toBe('false')
    await page.getByRole('alert').filter({ hasText: 'It was opened read-only. This brief cannot be changed here.' }).waitFor()
    expect(await page.getByRole('button', { name: 'Import…' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'New brief' }).isDisabled()).toBe(true)
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click()
    for (const name of ['Edit record', 'New version…', 'Remove']) expect(await page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true)

    // Typing changes nothing, and nothing is saved.
    await page.locator('.brief-editable').click()
    await page.keyboard.type('typed into a read-only project')
    expect(await page.locator('.brief-editable').textContent()).not.toContain('typed into a read-only project')
    await screenshot(page, 'read-only-brief.png')

    // The doors refuse too, saying why.
    const imported = await invokeApi(session.server, 'sources.importData', { files: [{ name: 'x.txt', dataBase64: Buffer.from('hello').toString('base64') }] })
    expect(imported.error).toEqual({ code: 'READ_ONLY', message: 'It was opened read-only. Nothing can be changed until it is opened normally.' })
    expect(errors).toEqual([])
  })

  it('nothing that writes is offered: the formatting toolbar, From address…, making, editing and deleting claims, tags and questions', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    const tools = await toolbar.getByRole('button').all()
    expect(tools.length).toBeGreaterThan(8)
    for (const tool of tools) expect(await tool.isDisabled(), (await tool.getAttribute('aria-label')) ?? '').toBe(true)
    const fromAddress = page.getByRole('button', { name: 'From address…' })
    expect(await fromAddress.isDisabled()).toBe(true)
    expect(await fromAddress.getAttribute('title')).toBe('Nothing can be imported: It was opened read-only.')

    // A passage selected in the reader cannot become a claim, by the popover or by Ctrl+Enter.
    await page.getByRole('main', { name: 'Reader' }).locator('#p-1 .para-text').waitFor()
    await page.evaluate(() => {
      const text = document.createTreeWalker(document.querySelector('#p-1 .para-text')!, NodeFilter.SHOW_TEXT).nextNode() as Text
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, Math.min(40, text.data.length))
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    const newClaim = page.getByRole('button', { name: 'New claim' })
    await newClaim.waitFor()
    expect(await newClaim.isDisabled()).toBe(true)
    expect(await newClaim.getAttribute('title')).toBe('No claim can be made: It was opened read-only.')
    await page.keyboard.press('Control+Enter')
    await page.getByText('No claim can be made: It was opened read-only.', { exact: true }).first().waitFor()
    expect(await page.getByRole('dialog', { name: 'New claim' }).count()).toBe(0)

    // A claim opens to be read, with nothing in it to change.
    await page.getByRole('tab', { name: 'Claims' }).click()
    for (const name of ['Tags…', 'Questions…']) expect(await page.getByRole('button', { name }).isDisabled(), name).toBe(true)
    const library = page.getByRole('listbox', { name: 'Claims' })
    await library.getByRole('option').first().waitFor()
    await library.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const form = page.getByRole('dialog', { name: 'Claim', exact: true })
    await form.waitFor()
    await form.getByText('It was opened read-only. This claim cannot be changed here.').waitFor()
    expect(await form.getByLabel('Statement').isDisabled()).toBe(true)
    for (const name of ['Save claim', 'Delete claim']) expect(await form.getByRole('button', { name }).isDisabled(), name).toBe(true)
    await screenshot(page, 'read-only-claim.png')
    await form.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('a long brief with nothing in it to click still scrolls from the keyboard when read-only (axe: scrollable-region-focusable)', async () => {
    const info = (await invokeApi<ProjectInfo>(session.server, 'project.info', {})).value!
    const file = (await invokeApi<OpenableProject[]>(session.server, 'project.recent', {})).value!.find((r) => r.path === info.path)!.file
    await invokeApi(session.server, 'project.open', { file, readOnly: false })
    // Forty paragraphs of plain prose, no citation or link: the brief's text is the only thing that can take focus.
    const created = (await invokeApi<{ id: string }>(session.server, 'briefs.create', { title: 'Plain long brief', template: 'blank', questionId: null })).value!
    const words = 'Practices that share premises with community teams saw fewer emergency admissions over the year. '
    const children = [{ type: 'heading', tag: 'h1', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: 'Plain long brief', format: 0, detail: 0, mode: 'normal', style: '' }] }]
    for (let i = 0; i < 40; i++) children.push({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: words.repeat(4), format: 0, detail: 0, mode: 'normal', style: '' }] } as never)
    const content = JSON.stringify({ format: 'evident-brief', version: 5, editorState: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } })
    expect((await invokeApi(session.server, 'briefs.save', { id: created.id, content })).error).toBeUndefined()
    expect((await invokeApi<ProjectInfo>(session.server, 'project.open', { file, readOnly: true })).value!.readOnly).toBeTruthy()
    await page.reload()
    await page.locator('.brief-workspace select.brief-select').selectOption(created.id)
    await page.locator('.brief-editable[aria-label="Brief: Plain long brief"] p').first().waitFor()
    await expect.poll(() => page.locator('.brief-editable').getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('.brief-scroll').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    expect(describeViolations(await axeViolations(page))).toBe('')
    // Before the fix axe could not decide here (the text had tabindex -1: "check that it can receive focus").
    expect(await axeRuleOutcome(page, 'scrollable-region-focusable')).toEqual({ passes: ['.brief-scroll'], incomplete: [], violations: [] })
    // Tab reaches the text, and the keyboard scrolls it.
    expect(await page.locator('.brief-editable').evaluate((el) => (el as HTMLElement).tabIndex)).toBe(0)
    await page.locator('.brief-editable').focus()
    await page.keyboard.press('PageDown')
    await expect.poll(() => page.locator('.brief-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    await screenshot(page, 'read-only-long-brief.png')
    expect(realErrors(errors)).toEqual([])
  })
})
