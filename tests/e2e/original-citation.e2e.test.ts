import { describe, expect, it } from 'vitest'
import type { Claim } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import { makePdf } from '../fixtures/make-pdf'
import { callApi, screenshot, useBrowserSession } from './harness'
import { briefEditor, claimSelection, hideOriginal, importFile, newBrief, selectBetween, showOriginal, sourceList, writeIn } from './steps'

/**
 * A 40-page report whose front matter is numbered i–iv, so the file's 27th page is labelled 23: page 27 holds
 * the passage the analyst claims on the page, page 12 (labelled 8) the one claimed earlier in the clean text.
 */
function report(): Buffer {
  const pages = Array.from({ length: 40 }, (_, i) => [
    `Part ${i + 1} of the access review.`,
    '',
    i === 26 ? 'Practices run by hospital trusts reported' : i === 11 ? 'Community nursing teams reported longer' : `Page ${i + 1} covers estates and the`,
    i === 26 ? 'faster referrals for patients in rural areas.' : i === 11 ? 'journeys between home visits this winter.' : 'funding of primary care buildings.',
  ])
  return Buffer.from(makePdf(pages, { info: { Title: 'Access review' }, pageLabels: [{ from: 0, style: 'r' }, { from: 4, style: 'D' }] }))
}

/** The report's entry in the source list (its title, or its file name while it has none). */
const SOURCE = /Access review|access-review/

describe('citations lead to the page of a PDF, the quote highlighted', () => {
  const session = useBrowserSession({ defaultTimeout: 20_000 })
  const claimNamed = async (statement: string) => {
    const sources = await callApi<SourceSummary[]>(session.server, 'sources.list', {})
    const source = sources.find((s) => s.fileName === 'access-review.pdf')!
    return (await callApi<Claim[]>(session.server, 'claims.forSource', { sourceId: source.id })).find((c) => c.statement === statement)
  }

  it('a claim made on the page keeps its page and rectangles; one made earlier in the clean text is found on its page when the original opens', async () => {
    const { page, errors } = session
    await importFile(page, { name: 'access-review.pdf', mimeType: 'application/pdf', buffer: report() })
    await sourceList(page).getByRole('option', { name: SOURCE }).click()
    // In the clean text, as every claim was made before pages were kept.
    const reader = page.getByRole('main', { name: 'Reader' })
    await selectBetween(reader.locator('.para-text', { hasText: 'Community nursing teams' }), 'Community nursing teams', 'this winter')
    await claimSelection(page, 'Community nursing teams reported longer journeys between home visits this winter', 'Nursing journeys grew longer')
    expect((await claimNamed('Nursing journeys grew longer'))?.anchor.pdf).toBeUndefined()

    const original = await showOriginal(page, SOURCE)
    await original.locator('.pdf-page[data-page-number="1"][data-painted]').waitFor()
    // Looked for in the background and found on the file's 12th page (labelled 8), one rectangle per line.
    await expect.poll(async () => (await claimNamed('Nursing journeys grew longer'))?.anchor.pdf?.page, { timeout: 15_000 }).toBe(12)
    expect((await claimNamed('Nursing journeys grew longer'))!.anchor.pdf!.rects).toHaveLength(2)

    await original.getByLabel('Go to page').fill('27')
    await original.getByLabel('Go to page').press('Enter')
    await original.locator('.pdf-page[data-page-number="27"][data-painted]').waitFor()
    await selectBetween(original.locator('.pdf-page[data-page-number="27"] .textLayer'), 'Practices run', 'rural areas')
    await claimSelection(page, 'Practices run by hospital trusts reported faster referrals for patients in rural areas', 'Trust practices refer faster')
    await expect.poll(async () => (await claimNamed('Trust practices refer faster'))?.anchor.pdf?.page).toBe(27)
    const made = (await claimNamed('Trust practices refer faster'))!.anchor
    expect(made.page).toBe('23')
    expect(made.pdf!.rects).toHaveLength(2)
    // In user space: points from the page's foot, inside a US Letter or A4 page, the first line above the second.
    const [first, second] = made.pdf!.rects
    expect(first![0]).toBeGreaterThan(0)
    expect(first![2]).toBeLessThan(620)
    expect(first![1]).toBeGreaterThan(second![1])
    // Drawn from the anchor's rectangles, and still on the words at another zoom.
    const marks = original.locator('.pdf-page[data-page-number="27"] .pdf-mark[data-claim-id][data-from-anchor]')
    await expect.poll(() => marks.count()).toBe(2)
    await original.getByRole('button', { name: 'Zoom in' }).click()
    await original.getByLabel('Go to page').fill('27')
    await original.getByLabel('Go to page').press('Enter')
    await expect.poll(() => marks.count()).toBe(2)
    // The first rectangle sits on the words "Practices run" of the page's text layer.
    const words = await original.locator('.pdf-page[data-page-number="27"] .textLayer span', { hasText: 'Practices run' }).first().boundingBox()
    const box = await marks.first().boundingBox()
    expect(Math.abs(box!.y - words!.y)).toBeLessThan(4)
    expect(Math.abs(box!.x - words!.x)).toBeLessThan(4)
    await screenshot(page, 'original-pdf-anchor-zoomed.png')
    expect(errors).toEqual([])
  })

  it('an analyst follows a citation of the claim from the brief: the original opens at page 27 with the quote marked', async () => {
    const { page, errors } = session
    await hideOriginal(page)
    await newBrief(page, 'Access to care')
    await writeIn(page, 'Background', 'Trust-run practices refer sooner.')
    await page.keyboard.press('Control+Shift+K')
    const picker = page.getByRole('dialog', { name: 'Insert a claim' })
    await picker.getByRole('combobox', { name: 'Find a claim to cite' }).fill('Trust practices refer faster')
    await expect.poll(() => picker.getByRole('option', { selected: true }).textContent()).toContain('Trust practices refer faster')
    await page.keyboard.press('Enter')
    await picker.waitFor({ state: 'detached' })
    // The caret is just after the citation: onto it, which shows its card, and "Open in source" there.
    await page.keyboard.press('ArrowLeft')
    await page.getByRole('dialog', { name: /^Citation/ }).getByRole('button', { name: 'Open in source' }).click()

    const original = page.getByRole('region', { name: 'Original' })
    const target = original.locator('.pdf-page[data-page-number="27"] .pdf-mark-target')
    await expect.poll(() => target.count()).toBe(2)
    expect(await target.first().getAttribute('data-from-anchor')).not.toBeNull()
    const scroller = await original.locator('.pdf-scroll').boundingBox()
    const mark = await target.first().boundingBox()
    expect(mark!.y).toBeGreaterThan(scroller!.y)
    expect(mark!.y + mark!.height).toBeLessThan(scroller!.y + scroller!.height)
    expect(await briefEditor(page).locator('.citation').count()).toBe(1)
    await screenshot(page, 'original-citation-page.png')
    expect(errors).toEqual([])
  })
})
