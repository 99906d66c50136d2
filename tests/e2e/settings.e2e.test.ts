import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { downloadFrom, screenshot, useBrowserSession } from './harness'
import { openExportOf } from './steps'

const TITLE = 'Should hospital trusts run general practice?'

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.getByRole('menuitem', { name: 'Settings…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  // The fields are disabled until the saved settings have arrived; reading them earlier reads the blank form.
  await dialog.getByRole('textbox', { name: 'Your name', disabled: false }).waitFor()
  return dialog
}

describe('the analyst sets their name once, and every exported document carries it', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  let page: Page
  let out: string

  beforeAll(() => {
    page = session.page
    out = mkdtempSync(join(tmpdir(), 'evident-settings-e2e-'))
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('sets name and language in Settings (from the Project menu), and the exported .docx names them', async () => {
    const dialog = await openSettings(page)
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Priya Shah')
    await dialog.getByRole('combobox', { name: 'Language of your documents' }).selectOption('en-IE')
    await screenshot(page, 'settings-dialog.png')
    await dialog.getByRole('button', { name: 'Save settings' }).click()
    await dialog.waitFor({ state: 'detached' })

    const again = await openSettings(page)
    expect(await again.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Priya Shah')
    expect(await again.getByRole('combobox', { name: 'Language of your documents' }).inputValue()).toBe('en-IE')
    await again.getByRole('button', { name: 'Cancel' }).click()

    const exporter = await openExportOf(page, TITLE)
    await exporter.getByRole('combobox', { name: 'Citation style' }).selectOption('vancouver')
    const target = join(out, 'Named.docx')
    await downloadFrom(page, () => exporter.getByRole('button', { name: 'Export…' }).click(), target)
    await exporter.waitFor({ state: 'detached' })

    const zip = await JSZip.loadAsync(readFileSync(target))
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain('<dc:creator>Priya Shah</dc:creator>')
    expect(core).toContain('<cp:lastModifiedBy>Priya Shah</cp:lastModifiedBy>')
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('<w:lang w:val="en-IE"/>')
  })
})
