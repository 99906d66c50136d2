import { describe, expect, it } from 'vitest'
import { makePdf } from '../fixtures/make-pdf'
import { screenshot, useBrowserSession } from './harness'
import { claimSelection, hideOriginal, importFile, selectBetween, showOriginal } from './steps'

/** A 40-page report: each page names itself, page 3 holds the passage the analyst claims. */
function report(): Buffer {
  const pages = Array.from({ length: 40 }, (_, i) => [
    `Section ${i + 1} of the workforce review.`,
    '',
    i === 2 ? 'Hospital trusts that run general practice report' : `Page ${i + 1} discusses funding for community`,
    i === 2 ? 'shorter waits for appointments in rural areas.' : 'services and the integration of care budgets.',
  ])
  return Buffer.from(makePdf(pages, { info: { Title: 'Workforce review' } }))
}

describe('the Original view of a PDF beside its clean text', () => {
  const session = useBrowserSession({ defaultTimeout: 20_000 })

  it('an analyst opens the original of a PDF, goes to a page, finds words and claims a passage on the page', async () => {
    const { page, errors } = session
    await importFile(page, { name: 'wr-2024-final.pdf', mimeType: 'application/pdf', buffer: report() })
    const original = await showOriginal(page, /Workforce review/)
    await original.locator('.pdf-page[data-page-number="1"][data-painted]').waitFor()
    // Only the pages in view are drawn, not all forty.
    expect(await original.locator('.pdf-page').count()).toBeLessThan(8)

    await original.getByLabel('Go to page').fill('37')
    await original.getByLabel('Go to page').press('Enter')
    await original.locator('.pdf-page[data-page-number="37"][data-painted]').waitFor()

    await original.getByLabel('Find in the original').fill('shorter waits')
    await original.getByLabel('Find in the original').press('Enter')
    await original.locator('.pdf-page[data-page-number="3"] .pdf-mark-find').waitFor()

    // Select the passage on page 3's text layer and make a claim of it: the quote is the clean text's.
    await selectBetween(original.locator('.pdf-page[data-page-number="3"] .textLayer'), 'Hospital trusts', 'shorter waits')
    await claimSelection(page, 'Hospital trusts that run general practice report shorter waits', 'Trust-run practices have shorter waits')
    await original.locator('.pdf-page[data-page-number="3"] .pdf-mark[data-claim-id]').first().waitFor()
    // Two lines of the page, two rectangles of one claim.
    expect(await original.locator('.pdf-page[data-page-number="3"] .pdf-mark[data-claim-id]').count()).toBe(2)
    await screenshot(page, 'original-pdf.png')
    expect(errors).toEqual([])
  })
  it('an analyst opens a claim from the library and "Show in source" opens the original at the quote, highlighted', async () => {
    const { page, errors } = session
    // The analyst clicks away from the words they claimed, then hides the original.
    await hideOriginal(page)
    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /Trust-run practices have shorter waits/ }).click()
    const form = page.getByRole('dialog', { name: 'Edit claim' })
    await form.getByRole('button', { name: 'Show in source' }).click()

    const original = page.getByRole('region', { name: 'Original' })
    const target = original.locator('.pdf-page[data-page-number="3"] .pdf-mark-target')
    await target.first().waitFor()
    // The quote's two lines are marked as the one opened, and the view has scrolled to them.
    expect(await target.count()).toBe(2)
    const scroller = await original.locator('.pdf-scroll').boundingBox()
    const mark = await target.first().boundingBox()
    expect(mark!.y).toBeGreaterThan(scroller!.y)
    expect(mark!.y + mark!.height).toBeLessThan(scroller!.y + scroller!.height)
    await screenshot(page, 'original-open-in-source.png')
    expect(errors).toEqual([])
  })
})
