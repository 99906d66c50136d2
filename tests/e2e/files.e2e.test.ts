import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi, downloadFrom, invokeApi, screenshot, useBrowserSession } from './harness'

const sourceList = (page: Page) => page.getByRole('listbox', { name: 'Sources' })

describe('in browser mode no path is typed: files are uploaded, exports downloaded', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })

  it('an analyst clicks Import…, chooses a file in the browser’s own chooser, and it is uploaded and imported', async () => {
    const { page, errors } = session
    // Count once the starter sources are listed: counted before they load, "before" is 0.
    await sourceList(page).getByRole('option').first().waitFor()
    const before = await sourceList(page).getByRole('option').count()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()])
    expect(chooser.isMultiple()).toBe(true)
    await chooser.setFiles({
      name: 'Rural GP workforce.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Rural GP workforce\n\nPartnerships in rural practices report the hardest recruitment in a decade.\n'),
    })
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('1 file imported')
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(before + 1)
    await screenshot(page, 'import-by-upload.png')
    await summary.getByRole('button', { name: 'Close', exact: true }).click()

    // Cancelling the chooser imports nothing and says nothing.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()])
    await again.setFiles([])
    expect(await sourceList(page).getByRole('option').count()).toBe(before + 1)
    expect(errors).toEqual([])
  })

  it('an analyst saves a copy of the project from the Project menu and gets it as a download', async () => {
    const { page, errors } = session
    await page.getByRole('button', { name: 'Project ▾' }).click()
    const target = join(tmpdir(), `evident-copy-${process.pid}.evident`)
    const name = await downloadFrom(page, () => page.getByRole('menuitem', { name: 'Save a copy as…' }).click(), target)
    expect(name).toMatch(/ copy\.evident$/)
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3')
    await page.getByRole('status').filter({ hasText: `Saved a copy as ${name}` }).waitFor()
    expect(errors).toEqual([])
  })

  it('a script that passes a server path, or a handle it made up, is refused and nothing is imported', async () => {
    const count = async () => (await callApi<{ sourceCount: number }>(session.server, 'project.info', {})).sourceCount
    const before = await count()
    const asPath = await invokeApi(session.server, 'sources.import', { files: ['/etc/passwd'] })
    expect(asPath.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('That is not a file handle') })
    const forged = await invokeApi(session.server, 'sources.import', { files: [`fh_${'A'.repeat(43)}`] })
    expect(forged.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not one this window was given') })
    expect(await count()).toBe(before)
  })
})
