import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { downloadFrom, ROOT, screenshot, SCREENSHOTS, useBrowserSession } from './harness'
import { briefEditor, briefPane, openExportOf, realErrors } from './steps'
import { readDocxFigures } from '../helpers/docx-figures'

const TITLE = 'Should hospital trusts run general practice?'
const CHART = join(ROOT, 'tests', 'fixtures', 'figures', 'bar-chart.png')
const PATHWAY = join(ROOT, 'tests', 'fixtures', 'figures', 'care-pathway.svg')
const PATHWAY_TITLE = 'Flow diagram: a patient goes from the GP practice to the community team, then to hospital only if needed.'
const ALT = 'Bar chart: the share of GP practices in integrated care rose each year, from about 20% in 2019 to 90% in 2022.'
const CAPTION = 'GP practices in integrated care, 2019–2022'

/** Opens Insert a figure with the caret at the end of the Background section's first paragraph. */
async function openInsertFigure(page: Page) {
  const background = briefEditor(page).locator('h2:has-text("Background") + p').first()
  const box = (await background.boundingBox())!
  await background.click({ position: { x: box.width - 2, y: box.height - 4 } })
  await page.keyboard.press('End')
  await page.waitForTimeout(100)
  await briefPane(page).getByRole('button', { name: 'Insert a figure' }).click()
  return page.getByRole('dialog', { name: 'Insert a figure' })
}

async function choosePicture(page: Page, files: string | { name: string; mimeType: string; buffer: Buffer }) {
  const dialog = page.getByRole('dialog', { name: 'Insert a figure' })
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: /Choose (a|another) picture…/ }).click()])
  await chooser.setFiles(files)
}

describe('figures in the brief, in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  const out = mkdtempSync(join(tmpdir(), 'evident-figures-e2e-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('an analyst is told why a broken SVG, or a PDF named .png, is not inserted, and nothing is', async () => {
    const { page, errors } = session
    const dialog = await openInsertFigure(page)
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9"></svg>'
    await choosePicture(page, { name: 'diagram.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) })
    await dialog.getByRole('alert').getByText(/^“diagram\.svg” is not a well-formed SVG drawing \(line 1, column \d+: expected 'rect' tag, not 'svg'\), so it cannot be drawn\. Nothing was inserted\.$/).waitFor()
    await choosePicture(page, { name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7\n') })
    await dialog.getByRole('alert').getByText('“chart.png” is named as a PNG image but is a PDF, not a PNG, JPEG or SVG picture. Nothing was inserted.').waitFor()
    await screenshot(page, 'figure-refused.png')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await briefEditor(page).locator('figure.brief-figure').count()).toBe(0)
    expect(realErrors(errors)).toEqual([])
  })

  it('an analyst inserts a chart with alt text and a caption, sees it numbered, and exports it as a Word picture', async () => {
    const { page, errors } = session
    const dialog = await openInsertFigure(page)
    await choosePicture(page, CHART)
    await dialog.getByText('bar-chart.png · 640 × 360 px').waitFor()
    // Alt text is required: Insert without it says so and inserts nothing.
    await dialog.getByRole('button', { name: 'Insert figure' }).click()
    await dialog.getByRole('alert').getByText('Describe the picture for readers who cannot see it: a figure needs alt text.').waitFor()
    await dialog.getByLabel('Alt text (required)').fill(ALT)
    await dialog.getByLabel('Caption (optional)').fill(CAPTION)
    await screenshot(page, 'figure-dialog.png')
    await dialog.getByRole('button', { name: 'Insert figure' }).click()
    await dialog.waitFor({ state: 'detached' })

    const figure = briefEditor(page).getByRole('figure', { name: `Figure 1: ${CAPTION}` })
    await figure.waitFor()
    const picture = figure.getByRole('img', { name: ALT })
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640)
    expect(await figure.locator('figcaption').textContent()).toBe(`Figure 1: ${CAPTION}`)
    await figure.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'brief-figure.png'), fullPage: false })
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByText('Saved').first().waitFor()

    const exportDialog = await openExportOf(page, TITLE)
    const target = join(out, 'With a figure.docx')
    await downloadFrom(page, () => exportDialog.getByRole('button', { name: 'Export…' }).click(), target)
    await exportDialog.waitFor({ state: 'detached' })
    const { pictures, captions } = readDocxFigures(target)
    expect(pictures.map((p) => [p.descr, p.contentType])).toEqual([[ALT, 'image/png']])
    expect(captions.map((c) => [c.style, c.text, c.fields])).toEqual([['Caption', `Figure 1: ${CAPTION}`, ['SEQ Figure \\* ARABIC']]])

    // LibreOffice lays it out: the page images are in test-output for a person to look at.
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${out}/lo`, '--convert-to', 'pdf', '--outdir', out, target], { stdio: 'ignore', timeout: 120_000 })
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(out, 'With a figure.pdf'), join(SCREENSHOTS, 'figure-export-page')])
    const text = execFileSync('pdftotext', ['-layout', join(out, 'With a figure.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain(`Figure 1: ${CAPTION}`)
    expect(realErrors(errors)).toEqual([])
  }, 180_000)

  it('an analyst editing a figure cannot leave it without alt text, and can remove it', async () => {
    const { page } = session
    const figure = briefEditor(page).getByRole('figure', { name: `Figure 1: ${CAPTION}` })
    await figure.getByRole('button', { name: 'Edit figure…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit figure' })
    await dialog.getByLabel('Alt text (required)').fill('')
    await dialog.getByRole('button', { name: 'Save figure' }).click()
    await dialog.getByRole('alert').getByText(/a figure needs alt text/).waitFor()
    await dialog.getByRole('button', { name: 'Remove figure' }).click()
    await expect.poll(() => briefEditor(page).locator('figure.brief-figure').count()).toBe(0)
  })

  it('an analyst inserts an SVG diagram: drawn as a picture, its own title starting the alt text, and exported as a PNG', async () => {
    const { page, errors } = session
    const dialog = await openInsertFigure(page)
    // A script in it would have said so: the drawing is only ever a picture.
    const scripted = readFileSync(PATHWAY, 'utf8').replace('<rect width="480"', '<script>document.title = "ran"</script><rect width="480"')
    await choosePicture(page, { name: 'care-pathway.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(scripted) })
    await dialog.getByRole('status').getByText('“care-pathway.svg” is an SVG drawing: it was drawn as a picture of 960 × 400 pixels, for the brief and for Word. Left out of the picture: its scripts (never run).').waitFor()
    await dialog.getByText('care-pathway.svg · 480 × 200 px').waitFor()
    expect(await dialog.getByLabel('Alt text (required)').inputValue()).toBe(PATHWAY_TITLE)
    await dialog.getByText('Filled in from the drawing’s own title: check that it says this.').waitFor()
    await dialog.getByLabel('Caption (optional)').fill('From practice to hospital')
    await screenshot(page, 'figure-svg-dialog.png')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await dialog.getByRole('button', { name: 'Insert figure' }).click()
    await dialog.waitFor({ state: 'detached' })

    const figure = briefEditor(page).getByRole('figure', { name: 'Figure 1: From practice to hospital' })
    const picture = figure.getByRole('img', { name: PATHWAY_TITLE })
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(960)
    // Twice the pixels, shown at the drawing's own size.
    expect(await picture.evaluate((img: HTMLImageElement) => Math.round(img.getBoundingClientRect().width))).toBe(480)
    expect(await page.title()).not.toBe('ran')
    await figure.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'brief-figure-svg.png'), fullPage: false })
    await page.getByText('Saved').first().waitFor()

    const exportDialog = await openExportOf(page, TITLE)
    const target = join(out, 'With a drawing.docx')
    await downloadFrom(page, () => exportDialog.getByRole('button', { name: 'Export…' }).click(), target)
    await exportDialog.waitFor({ state: 'detached' })
    const { pictures } = readDocxFigures(target)
    // In Word at the drawing's own size (480 × 200 px, 9525 EMU to the pixel), as a PNG, with its alt text.
    expect(pictures.map((p) => [p.descr, p.contentType, p.widthEmu, p.heightEmu])).toEqual([[PATHWAY_TITLE, 'image/png', 480 * 9525, 200 * 9525]])
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${out}/lo`, '--convert-to', 'pdf', '--outdir', out, target], { stdio: 'ignore', timeout: 120_000 })
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', join(out, 'With a drawing.pdf'), join(SCREENSHOTS, 'figure-svg-export-page')])
    expect(execFileSync('pdftotext', ['-layout', join(out, 'With a drawing.pdf'), '-'], { encoding: 'utf8' })).toContain('Figure 1: From practice to hospital')
    expect(realErrors(errors)).toEqual([])
  }, 180_000)
})
