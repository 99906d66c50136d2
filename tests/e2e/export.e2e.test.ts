import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { downloadFrom, screenshot, useBrowserSession } from './harness'
import { openExportOf, reviseEditorial } from './steps'

const TITLE = 'Should hospital trusts run general practice?'
const FILE_NAME = 'Should hospital trusts run general practice.docx'

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export to Word' })

const openExport = (page: Page) => openExportOf(page, TITLE)

function plainText(docx: string): string {
  const result = spawnSync('pandoc', [docx, '-t', 'plain', '--wrap=none'], { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}

/** A refused call is an HTTP error status, which Chromium logs; anything else in the console is a real fault. */
const realErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e))

describe('exporting a brief to Word in the browser', () => {
  // Fail a step with its locator named, inside vitest's own 30 s.
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  const { page, errors } = session
  let out: string

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'evident-export-'))
  })

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true })
  })

  it('an analyst exports the starter brief to Word in Harvard style with endnotes and the file opens', async () => {
    const dialog = await openExport(page)
    await dialog.getByRole('combobox', { name: 'Citation style' }).selectOption('harvard')
    await dialog.getByRole('radio', { name: 'Word endnotes' }).check()
    // Another style is for this export only unless the analyst makes it the brief's.
    await dialog.getByRole('checkbox', { name: /Make these the brief’s style and notes/ }).check()
    await dialog.getByRole('checkbox', { name: /Evidence appendix/ }).check()
    await dialog.getByRole('checkbox', { name: /Go to the quoted words/ }).uncheck()
    await dialog.getByRole('button', { name: 'Check quotes' }).click()
    await dialog.getByRole('status').filter({ hasText: /^All \d+ citations match the words in their sources\.$/ }).waitFor()
    await screenshot(page, 'export-dialog.png')

    // No path is typed: the browser downloads the document, named after the brief.
    const target = join(out, 'Trusts brief.docx')
    const name = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Export…' }).click(), target)
    expect(name).toBe(FILE_NAME)
    const toast = page.getByRole('status').filter({ hasText: `Exported to ${FILE_NAME} — ` })
    await toast.waitFor()
    await screenshot(page, 'export-downloaded.png')
    expect(await toast.locator('.toast-message').textContent()).toMatch(/— \d+ citations$/)
    await dialog.waitFor({ state: 'detached' })

    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK')
    const text = plainText(target)
    expect(text).toContain(TITLE)
    expect(text).toContain('Evidence appendix')
    // Harvard is author–date: the references carry the year in brackets, e.g. "Jones, A. (2014)".
    expect(text).toMatch(/\(\d{4}\)/)

    // The style and notes were made the brief's, and the additions remembered: the dialog opens on them next time.
    const again = await openExport(page)
    expect(await again.getByRole('combobox', { name: 'Citation style' }).inputValue()).toBe('harvard')
    expect(await again.getByRole('radio', { name: 'Word endnotes' }).isChecked()).toBe(true)
    expect(await again.getByRole('checkbox', { name: /Evidence appendix/ }).isChecked()).toBe(true)
    expect(await again.getByRole('checkbox', { name: /Go to the quoted words/ }).isChecked()).toBe(false)
    await again.getByRole('checkbox', { name: /Go to the quoted words/ }).check()
    await again.getByRole('checkbox', { name: /Evidence appendix/ }).uncheck()
    await page.keyboard.press('Escape')
    await again.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('an analyst exports by keyboard and gets the document as a download; the server keeps no copy', async () => {
    await page.getByRole('button', { name: 'Export to Word…' }).focus()
    await page.keyboard.press('Enter')
    const dialog = exportDialog(page)
    // Focus starts on the brief; Tab walks the options to the Export… button.
    const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement)
    await expect.poll(() => focused(dialog.getByRole('combobox', { name: 'Brief', exact: true }))).toBe(true)
    const exportButton = dialog.getByRole('button', { name: 'Export…' })
    for (let i = 0; i < 15 && !(await focused(exportButton)); i++) await page.keyboard.press('Tab')
    const target = join(out, 'By keyboard.docx')
    await downloadFrom(page, () => page.keyboard.press('Enter'), target)
    await dialog.waitFor({ state: 'detached' })
    expect(plainText(target)).toContain('Key messages')
    // Nothing was written beside the project: the document exists only where the browser saved it.
    expect(readdirSync(session.server.dir).filter((f) => f.endsWith('.docx'))).toEqual([])
    expect(realErrors(errors)).toEqual([])
  })

  it('an analyst loading a hostile .csl file is told why it is refused', async () => {
    const dialog = await openExport(page)
    await dialog.getByLabel('Citation style file (.csl)').setInputFiles({
      name: 'evil.csl',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]><style>&x;</style>'),
    })
    await dialog.getByRole('alert').filter({ hasText: 'evil.csl' }).filter({ hasText: 'DOCTYPE' }).waitFor()
    expect(await dialog.getByRole('combobox', { name: 'Citation style' }).inputValue()).toBe('harvard')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(realErrors(errors)).toEqual([])
  })

  it('a cited passage gone from a revised source is caught before export, and "Export anyway" marks it', async () => {
    // The revised editorial drops the sentence the starter brief's Background cites. (A passage that is only
    // reworded is marked "changed in the source" instead: tests/e2e/quote-changes.e2e.test.ts.)
    await reviseEditorial(page, (original, cited) => original.replace(cited, ''))
    await page.getByRole('status').filter({ hasText: /New version imported/ }).waitFor()

    const dialog = await openExport(page)
    await dialog.getByRole('button', { name: 'Export…' }).click()
    const problems = dialog.getByRole('region', { name: /cited quotes? no longer match/ })
    await problems.waitFor()
    expect(await problems.textContent()).toContain('Chronic underfunding')
    expect(readdirSync(out).sort()).toEqual(['By keyboard.docx', 'Trusts brief.docx'])
    await screenshot(page, 'export-quote-problems.png')

    const target = join(out, 'Marked brief.docx')
    await downloadFrom(page, () => dialog.getByRole('button', { name: 'Export anyway (mark them)' }).click(), target)
    await page.getByRole('status').filter({ hasText: `Exported to ${FILE_NAME}` }).waitFor()
    expect(plainText(target)).toMatch(/\[(quote changed|source removed|passage not found)\]/)
    expect(realErrors(errors)).toEqual([])
  })
})
