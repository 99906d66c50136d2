import type { Browser, Page } from 'playwright-core'
import { afterAll, describe, it } from 'vitest'
import { launchBrowser, openApp, startServer, type EvidentServer } from '../e2e/harness'
import { makePdf } from '../fixtures/make-pdf'
import { fmt, report } from './bench-helpers'

const LONG = 1500
const SHORT = 10
const MB = 1024 * 1024

function pdfOf(pages: number, name: string): { name: string; mimeType: string; buffer: Buffer } {
  const spec = Array.from({ length: pages }, (_, i) => [
    `Chapter ${i + 1}: evidence on the integration of general practice with hospital care, part ${i + 1}.`,
    '',
    ...Array.from({ length: 30 }, (_, l) => `Line ${l + 1} of page ${i + 1} reports waiting times, workforce and funding figures ${i * 31 + l}.`),
  ])
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(makePdf(spec, { info: { Title: name.replace('.pdf', '') } })) }
}

async function importFile(page: Page, file: ReturnType<typeof pdfOf>) {
  await page.getByTestId('import-input').setInputFiles(file)
  const summary = page.getByRole('dialog', { name: 'Import finished' })
  await summary.waitFor({ timeout: 600_000 })
  await summary.getByRole('button', { name: 'Close', exact: true }).click()
}

/** Milliseconds from "Show original" to the first page painted (pdf.js canvas and text layer done). */
async function openOriginal(page: Page, title: string): Promise<number> {
  await page.getByRole('option', { name: new RegExp(title) }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
  const original = page.getByRole('region', { name: 'Original' })
  const hide = page.getByRole('button', { name: 'Hide original' })
  if (await hide.count()) await hide.click()
  const layoutMs = await page.evaluate(() => {
    const pane = document.querySelector('.reader-pane')!
    const t0 = performance.now()
    pane.classList.add('reader-split')
    void (document.body as HTMLElement).offsetHeight
    const ms = performance.now() - t0
    pane.classList.remove('reader-split')
    void (document.body as HTMLElement).offsetHeight
    return ms
  })
  // Splitting the reader re-lays out the clean text at half width: part of the first-page time on a long source.
  report(`original view: ${title}: clean text re-laid out beside the original in ${fmt(layoutMs, 0)} ms`)
  const t = performance.now()
  await page.getByRole('button', { name: 'Show original' }).click()
  await original.locator('.pdf-toolbar').waitFor({ timeout: 60_000 })
  const opened = performance.now() - t
  await original.locator('.pdf-page[data-page-number="1"][data-painted]').waitFor({ timeout: 60_000 })
  report(`original view: ${title}: document open ${fmt(opened, 0)} ms, first page painted ${fmt(performance.now() - t, 0)} ms`)
  return performance.now() - t
}

async function jump(page: Page, to: number): Promise<number> {
  const box = page.getByRole('region', { name: 'Original' }).getByLabel('Go to page')
  await box.fill(String(to))
  const t = performance.now()
  await box.press('Enter')
  await page.locator(`.pdf-page[data-page-number="${to}"][data-painted]`).waitFor({ timeout: 60_000 })
  return performance.now() - t
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB
}

/**
 * The Original view (issue 14): first page painted after opening a 1,500-page PDF (goal < 300 ms) and page
 * 1,200 painted after a jump (goal < 500 ms), beside the same on a 10-page PDF; the renderer's JS heap with
 * the long one open (goal < 400 MB) beside the heap before it was opened.
 */
describe('Original view benchmarks (Chromium, browser mode)', () => {
  let browser: Browser | undefined
  let server: EvidentServer | undefined
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('first page and a far jump painted, and renderer memory, on a 1,500-page PDF against a 10-page one', async () => {
    server = await startServer()
    browser = await launchBrowser()
    const { page } = await openApp(browser, server.url)
    const t = performance.now()
    await importFile(page, pdfOf(SHORT, 'Short report.pdf'))
    await importFile(page, pdfOf(LONG, 'Long report.pdf'))
    report(`original view: imported the ${SHORT}- and ${LONG.toLocaleString('en-GB')}-page PDFs in ${fmt((performance.now() - t) / 1000, 1)} s`)

    const shortOpen = await openOriginal(page, 'Short report')
    const shortJump = await jump(page, 8)
    const before = await heapMb(page)
    const longOpen = await openOriginal(page, 'Long report')
    const longJump = await jump(page, 1200)
    await jump(page, 600)
    await jump(page, 1499)
    const after = await heapMb(page)
    report(`original view: first page painted, ${LONG}-page PDF ${fmt(longOpen, 0)} ms (goal < 300) · ${SHORT}-page PDF ${fmt(shortOpen, 0)} ms`)
    report(`original view: page 1,200 painted after a jump ${fmt(longJump, 0)} ms (goal < 500) · page 8 of ${SHORT} ${fmt(shortJump, 0)} ms`)
    report(`original view: renderer JS heap with the long PDF open ${fmt(after, 0)} MB (goal < 400) · before opening it ${fmt(before, 0)} MB`)
  })
})
