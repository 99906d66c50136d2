import { describe, expect, it } from 'vitest'
import { makePdf } from '../fixtures/make-pdf'
import { screenshot, useBrowserSession } from './harness'
import { claimSelection, importFile, selectBetween, showOriginal } from './steps'

/** An Arabic report drawn as right-to-left typesetters draw it: each line from its left end, last word first. */
const report = () =>
  Buffer.from(
    makePdf(
      [
        {
          lines: [],
          arabic: [
            ['تقرير', 'عن', 'الرعاية', 'الصحية'],
            ['الأطباء', 'في', 'المدينة'],
          ],
        },
      ],
      { info: { Title: 'Arabic health report' } },
    ),
  )

describe('the Original view of a right-to-left PDF', () => {
  const session = useBrowserSession({ defaultTimeout: 20_000 })

  it('an analyst selects a line of an Arabic page: the claim quotes it in reading order, and its mark and a find land on the page', async () => {
    const { page, errors } = session
    await importFile(page, { name: 'arabic-report.pdf', mimeType: 'application/pdf', buffer: report() })
    const original = await showOriginal(page, /Arabic health report/)
    const layer = original.locator('.pdf-page[data-page-number="1"] .textLayer')
    await original.locator('.pdf-page[data-page-number="1"][data-painted]').waitFor()

    // Two words in reading order are found, though the page drew them the other way round.
    await original.getByLabel('Find in the original').fill('الرعاية الصحية')
    await original.getByLabel('Find in the original').press('Enter')
    await original.locator('.pdf-page[data-page-number="1"] .pdf-mark-find').first().waitFor()

    // A drag across the first line runs from its left end (its last word) to its right end (its first).
    await selectBetween(layer, 'الصحية', 'تقرير')
    await claimSelection(page, 'تقرير عن الرعاية الصحية', 'The report is about health care')
    await original.locator('.pdf-page[data-page-number="1"] .pdf-mark[data-claim-id]').first().waitFor()
    // The mark covers the line's four words, and nothing of the second line.
    const marks = await original.locator('.pdf-page[data-page-number="1"] .pdf-mark[data-claim-id]').evaluateAll((els) =>
      els.map((el) => (el as HTMLElement).getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right })),
    )
    expect(new Set(marks.map((m) => m.top)).size).toBe(1)
    // One rectangle for the line (the claim's anchor keeps one per line), from the line's left end to its right.
    const words = await layer.locator('span').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, right: r.right })))
    const line = words.filter((w) => Math.abs(w.top - words[0]!.top) < 3)
    expect(line.length).toBeGreaterThanOrEqual(4)
    expect(Math.min(...marks.map((m) => m.left))).toBeLessThan(Math.min(...line.map((w) => w.left)) + 3)
    expect(Math.max(...marks.map((m) => m.right))).toBeGreaterThan(Math.max(...line.map((w) => w.right)) - 3)
    await screenshot(page, 'original-pdf-rtl.png')
    expect(errors).toEqual([])
  })
})
