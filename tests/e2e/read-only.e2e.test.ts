import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ProjectInfo } from '../../electron/shared/dto/project'
import { invokeApi, screenshot, useBrowserSession } from './harness'

describe('a project open read-only in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))


  it('the brief cannot be typed in, its status says Read-only and why, and the commands that write are off', async () => {
    const editor = page.locator('.brief-editable')
    await expect.poll(() => page.locator('.save-status').getAttribute('data-save-state')).toBe('saved')
    expect(await editor.getAttribute('contenteditable')).toBe('true')

    const info = (await invokeApi<ProjectInfo>(session.server, 'project.info', {})).value!
    const opened = await invokeApi<ProjectInfo>(session.server, 'project.open', { path: info.path, readOnly: true })
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
})
