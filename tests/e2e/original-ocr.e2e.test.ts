import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { makeScannedPdf, WINTER_REPORT } from '../fixtures/make-scanned-pdf'
import { screenshot, useBrowserSession } from './harness'
import { claimSelection, importFile, selectBetween, showOriginal } from './steps'

describe('the Original view of a scanned report', () => {
  const session = useBrowserSession({ defaultTimeout: 30_000 })

  it('an analyst selects words on the scan and makes a claim; it is marked on the scan, and find lands there too', async () => {
    const { page, errors } = session
    await importFile(page, { name: 'scanned-winter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeScannedPdf(WINTER_REPORT)) })
    const original = await showOriginal(page, /scanned-winter|Community hospitals/)
    const first = original.locator('.pdf-page[data-page-number="1"]')
    await first.locator('.textLayer span', { hasText: 'closures' }).first().waitFor()

    // The words OCR read lie over the scan where they are printed: "Ward" starts an inch in from the page's left edge.
    const pageBox = (await first.boundingBox())!
    const ward = (await first.locator('.textLayer span', { hasText: /^Ward$/ }).boundingBox())!
    expect((ward.x - pageBox.x) / pageBox.width).toBeCloseTo(72 / 612, 1)

    await selectBetween(first.locator('.textLayer'), 'Ward', 'third')
    await claimSelection(page, 'Ward closures rose by a third', 'Winter ward closures')
    await first.locator('.pdf-mark[data-claim-id]').first().waitFor()
    // The mark covers the selected words on the scan.
    const mark = (await first.locator('.pdf-mark[data-claim-id]').first().boundingBox())!
    expect(Math.abs(mark.x - ward.x)).toBeLessThan(4)
    expect(Math.abs(mark.y + mark.height / 2 - (ward.y + ward.height / 2))).toBeLessThan(6)

    await original.getByLabel('Find in the original').fill('longest waits')
    await original.getByLabel('Find in the original').press('Enter')
    await original.locator('.pdf-page[data-page-number="2"] .pdf-mark-find').first().waitFor()
    await original.getByLabel('Go to page').fill('1')
    await original.getByLabel('Go to page').press('Enter')
    await page.evaluate(() => document.getSelection()!.removeAllRanges())
    await screenshot(page, 'original-ocr-claim.png')
    expect(await original.getByRole('note').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a scan imported before the words were kept shows the scan with a note saying why it has no text layer, and how to get one', async () => {
    const { page, errors, server } = session
    await importFile(page, { name: 'older-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeScannedPdf([WINTER_REPORT[1]!])) })
    // As a project written before migration 14 holds it: the OCR reading, no words.
    const db = new Database(join(server.dir, 'e2e.evident'))
    db.prepare("DELETE FROM source_ocr_words WHERE source_id = (SELECT id FROM sources WHERE file_name = 'older-scan.pdf')").run()
    db.close()
    await page.getByRole('button', { name: 'Hide original' }).click()
    const original = await showOriginal(page, /older-scan|Waiting lists/)
    await original.locator('.pdf-page[data-page-number="1"][data-painted]').waitFor()
    const note = original.getByRole('note')
    await note.waitFor()
    expect(await note.textContent()).toMatch(/read by OCR before Evident kept where each word sits on the scan.*New version/)
    expect(await original.locator('.textLayer span').count()).toBe(0)
    await screenshot(page, 'original-ocr-old-source.png')
    expect(errors).toEqual([])
  })
})
