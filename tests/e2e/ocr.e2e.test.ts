import { describe, expect, it } from 'vitest'
import { makeScannedPdf, WINTER_REPORT } from '../fixtures/make-scanned-pdf'
import { screenshot, useBrowserSession } from './harness'

describe('a scanned report imported in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 30_000 })

  it('is read by OCR with progress per page; the summary and the reader say its text came from OCR, and the original shows the scan', async () => {
    const { page, errors } = session
    const progress: string[] = []
    const watching = page.getByRole('status').filter({ hasText: 'Importing' })
    await page.getByTestId('import-input').setInputFiles({ name: 'scanned-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeScannedPdf(WINTER_REPORT)) })
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    const seen = watching.filter({ hasText: /reading scanned page \d of 2 \(OCR\)/ }).waitFor().then(async () => void progress.push((await watching.textContent()) ?? ''), () => undefined)
    await Promise.race([seen, summary.waitFor()])
    await summary.waitFor()
    await summary.getByText(/Text from OCR of 2 scanned pages · mean confidence \d+%/).waitFor()
    await summary.getByRole('button', { name: 'Close', exact: true }).click()

    await page.getByRole('option', { name: /scanned-report|Community hospitals/ }).click()
    const note = page.getByRole('note').filter({ hasText: 'Text from OCR' })
    await note.waitFor()
    expect(await note.textContent()).toMatch(/^Text from OCR of 2 scanned pages · mean confidence \d+%.*: check quotes against the original\.$/)
    await page.getByText('Ward closures rose by a third in the winter of 2023, the trust reported, and beds were lost in every region of the country.').waitFor()
    await page.getByRole('button', { name: 'Show original' }).click()
    await page.getByRole('region', { name: 'Original' }).locator('.pdf-page[data-page-number="1"][data-painted]').waitFor()
    await screenshot(page, 'ocr-scanned-report.png')
    // The progress line is seen when the machine is slow enough to show it; it never names anything else.
    for (const line of progress) expect(line).toMatch(/Importing file 1 of 1 — scanned-report\.pdf: reading scanned page [12] of 2 \(OCR\)/)
    expect(errors).toEqual([])
  })
})
