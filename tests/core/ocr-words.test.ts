import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import type { OcrPageWords, OcrWord } from '@shared/dto/sources'
import { MAX_OCR_WORDS_PER_PAGE } from '@shared/limits'
import { extractDocument } from '../../electron/core/sources/extract'
import { storeOcrWords } from '../../electron/core/sources/ocr-words'
import { makeScannedPdf } from '../fixtures/make-scanned-pdf'
import { importDone, useStarterCore } from '../helpers/core-on-project'

const LINES = ['Ward closures rose by a third in the winter of 2023, the trust', 'reported, and beds were lost in every region of the country.']
/** make-scanned-pdf draws line i's baseline (90 + 15 i) points below the top of a 792-point page, from x = 72. */
const baseline = (i: number) => 792 - (90 + 15 * i)

const words = (page: OcrPageWords) => page.lines.flat()

describe('the words OCR read keep their places on the scan', () => {
  test('each word of a scanned page has its box in PDF user space, on its own line, where it was drawn', async () => {
    const document = await extractDocument('scan.pdf', makeScannedPdf([{ lines: LINES }]))
    const [page] = document.ocrWords!
    expect(page!.page).toBe(1)
    expect(page!.lines.map((line) => line.map(([text]) => text).join(' '))).toEqual(LINES)
    expect(page!.lines.flat().length).toBe(document.ocr!.words)
    page!.lines.forEach((line, i) => {
      for (const [, x1, y1, x2, y2] of line) {
        // The box stands on the line's baseline (a descender goes below it), inside the page, a word's height (11 pt type).
        expect(y1).toBeLessThanOrEqual(baseline(i) + 0.5)
        expect(y1).toBeGreaterThan(baseline(i) - 4)
        expect(y2).toBeGreaterThan(baseline(i) + 5)
        expect(y2 - y1).toBeGreaterThan(5)
        expect(y2 - y1).toBeLessThan(16)
        expect(x1).toBeGreaterThanOrEqual(70)
        expect(x2).toBeLessThanOrEqual(612)
      }
    })
    const [, x1] = page!.lines[0]![0]!
    expect(Math.abs(x1 - 72)).toBeLessThan(3)
  }, 60_000)

  describe('stored with the source and read a page at a time', () => {
    const starter = useStarterCore()

    test('an imported scan answers its words by page; its typeset page and a text source have none', async () => {
      const { core } = starter
      const bytes = makeScannedPdf([{ lines: LINES }, { lines: ['The last page was typeset again.'], typeset: true }])
      const summary = await importDone(core, () => core.handlers['sources.importData']({ files: [{ name: 'scan.pdf', dataBase64: Buffer.from(bytes).toString('base64') }] }))
      const id = summary.imported[0]!.sourceId
      const first = (await starter.call('sources.ocrWords', { id, page: 1 })) as OcrPageWords
      expect(first.kept).toBe(true)
      expect(words(first).map(([text]) => text).join(' ')).toBe(LINES.join(' '))
      expect(await starter.call('sources.ocrWords', { id, page: 2 })).toEqual({ kept: true, lines: [] })
      const text = (await starter.call('sources.list', {})) as { id: string; format: string }[]
      const plain = text.find((s) => s.id !== id)!
      expect(await starter.call('sources.ocrWords', { id: plain.id, page: 1 })).toEqual({ kept: true, lines: [] })
      // Bounded: a word costs its letters and four tenths-of-a-point numbers, about 35 bytes.
      const db = new Database(starter.path, { readonly: true })
      const row = db.prepare('SELECT length(lines) AS n FROM source_ocr_words WHERE source_id = ? AND page = 1').get(id) as { n: number }
      db.close()
      expect(row.n).toBeLessThan(words(first).length * 40)
    }, 60_000)

    test('a source read by OCR before the words were kept says so (kept: false)', async () => {
      const { core } = starter
      const bytes = makeScannedPdf([{ lines: LINES }])
      const summary = await importDone(core, () => core.handlers['sources.importData']({ files: [{ name: 'old scan.pdf', dataBase64: Buffer.from(bytes).toString('base64') }] }))
      const id = summary.imported[0]!.sourceId
      // As a project written before migration 14 holds it: the reading, and no words.
      const db = new Database(starter.path)
      db.prepare('DELETE FROM source_ocr_words WHERE source_id = ?').run(id)
      db.close()
      expect(await starter.call('sources.ocrWords', { id, page: 1 })).toEqual({ kept: false, lines: [] })
    }, 60_000)

    test('a page number out of bounds is refused with a plain message', async () => {
      for (const page of [0, -4, 2.5, 1e9]) {
        await expect(starter.call('sources.ocrWords', { id: 'x', page })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
      }
      await expect(starter.call('sources.ocrWords', { id: 'x', page: 100_001 })).rejects.toMatchObject({ message: expect.stringContaining('at most 100,000 pages') })
    })
  })

  test('words a parser hands over out of shape or past the bound are not kept; the rest of the pages are', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE TABLE sources (id TEXT PRIMARY KEY);
      CREATE TABLE source_ocr_words (source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, page INTEGER NOT NULL, lines TEXT NOT NULL, PRIMARY KEY (source_id, page)) WITHOUT ROWID;
      INSERT INTO sources VALUES ('s');`)
    const good: OcrWord[][] = [[['Ward', 72, 699, 100, 710]]]
    const tooMany: OcrWord[][] = [Array.from({ length: MAX_OCR_WORDS_PER_PAGE + 1 }, (): OcrWord => ['a', 1, 1, 2, 2])]
    const hostile = [
      { page: 2, lines: tooMany },
      { page: 3, lines: [[['NaN', Number.NaN, 1, 2, 2]]] },
      { page: 4, lines: [[['far', 1e300, 1, 2, 2]]] },
      { page: 0, lines: good },
      { page: 5, lines: [[['x'.repeat(65), 1, 1, 2, 2]]] },
      { page: 6, lines: 'not lines' },
    ] as unknown as { page: number; lines: OcrWord[][] }[]
    storeOcrWords(db, 's', { format: 'pdf', mime: 'application/pdf', blocks: [], metadata: {}, ocrWords: [{ page: 1, lines: good }, ...hostile] })
    expect(db.prepare('SELECT page FROM source_ocr_words').all()).toEqual([{ page: 1 }])
    db.close()
  })
})
