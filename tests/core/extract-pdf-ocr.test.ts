import { afterEach, describe, expect, test } from 'vitest'
import { findParserEntry } from '../../electron/core/app/resources'
import { extractDocument } from '../../electron/core/sources/extract'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import type { ParserPool } from '../../electron/core/sources/parse/pool'
import { makeScannedPdf } from '../fixtures/make-scanned-pdf'
import { rejectsWith } from '../helpers/refusal'

const REPORT = [
  'Ward closures rose by a third in the winter of 2023, the trust',
  'reported, and beds were lost in every region of the country.',
  '',
  'Waiting lists grew longer than at any time since records began',
  'in 2010, with the longest waits in the north of England.',
]

describe('a scanned PDF is read, not refused', () => {
  test('its pages are recognised offline and become paragraphs, and the source says its text came from OCR', async () => {
    const progress: string[] = []
    const document = await extractDocument('scanned report.pdf', makeScannedPdf([{ lines: REPORT }, { lines: ['Beds per thousand people fell again in 2024.'] }]), {
      onOcrProgress: (p) => progress.push(`${p.page}/${p.pages}`),
    })
    expect(document.blocks.map((b) => [b.text, b.page])).toEqual([
      ['Ward closures rose by a third in the winter of 2023, the trust reported, and beds were lost in every region of the country.', '1'],
      ['Waiting lists grew longer than at any time since records began in 2010, with the longest waits in the north of England.', '1'],
      ['Beds per thousand people fell again in 2024.', '2'],
    ])
    expect(progress).toEqual(['1/2', '2/2'])
    expect(document.ocr).toMatchObject({ pages: 2, unreadPages: [] })
    expect(document.ocr!.meanConfidence).toBeGreaterThan(85)
    expect(document.ocr!.words).toBe(54)
  }, 60_000)

  test('a text PDF with one scanned page keeps its text and reads only that page by OCR', async () => {
    const progress: string[] = []
    const bytes = makeScannedPdf([
      { lines: ['The first page has a text layer of its own.'], typeset: true },
      { lines: ['The appendix was scanned from paper.'] },
      { lines: ['The last page was typeset again.'], typeset: true },
    ])
    const document = await extractDocument('appendix.pdf', bytes, { onOcrProgress: (p) => progress.push(`${p.page}/${p.pages}`) })
    expect(document.blocks.map((b) => [b.text, b.page])).toEqual([
      ['The first page has a text layer of its own.', '1'],
      ['The appendix was scanned from paper.', '2'],
      ['The last page was typeset again.', '3'],
    ])
    expect(progress).toEqual(['1/1'])
    expect(document.ocr).toMatchObject({ pages: 1, unreadPages: [] })
  }, 60_000)

  test('a scan OCR finds no words on is refused by name, not imported empty', async () => {
    await rejectsWith(extractDocument('blank scan.pdf', makeScannedPdf([{ lines: [] }])), 'NO_TEXT_LAYER', '"blank scan.pdf" has no text layer, and OCR found no words on its scanned pages: Evident cannot read it.')
  }, 60_000)
})

describe('OCR in the parser process, as the app reads a scanned PDF', () => {
  const pools: ParserPool[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()))
  })

  test('reads the scan under the permission model (the model read from the app’s own folder, nothing written) and reports each page', async () => {
    const pool = nodeParserPool(findParserEntry(__dirname))
    pools.push(pool)
    const progress: string[] = []
    const bytes = makeScannedPdf([{ lines: REPORT.slice(0, 2) }, { lines: ['Beds per thousand people fell again in 2024.'] }])
    const document = await pool.parse({ fileName: 'scan.pdf', bytes, onProgress: (p) => progress.push(`${p.page}/${p.pages}`) })
    expect(document.blocks.map((b) => b.text)).toEqual([
      'Ward closures rose by a third in the winter of 2023, the trust reported, and beds were lost in every region of the country.',
      'Beds per thousand people fell again in 2024.',
    ])
    expect(progress).toEqual(['1/2', '2/2'])
    expect(document.ocr).toMatchObject({ pages: 2, words: 32, unreadPages: [] })
  }, 60_000)

  test('a cancelled OCR ends the reading and says the file was cancelled', async () => {
    const pool = nodeParserPool(findParserEntry(__dirname))
    pools.push(pool)
    const controller = new AbortController()
    const bytes = makeScannedPdf(Array.from({ length: 6 }, () => ({ lines: REPORT })))
    const reading = pool.parse({ fileName: 'long scan.pdf', bytes, signal: controller.signal, onProgress: (p) => p.page === 2 && controller.abort() })
    await expect(reading).rejects.toMatchObject({ code: 'CANCELLED' })
  }, 60_000)
})
