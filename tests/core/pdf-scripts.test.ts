import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { findParserEntry } from '../../electron/core/app/resources'
import { assembleText } from '../../electron/core/sources/assemble'
import { extractDocument } from '../../electron/core/sources/extract'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import { makePdf } from '../fixtures/make-pdf'
import { realFixturesDir } from '../helpers/real-fixtures'

const japanese = () =>
  makePdf([
    {
      lines: ['Ageing and primary care'],
      cjk: { lines: ['日本の医療制度は高齢化に', '直面している。', '', '診療所の役割が変わる。'] },
    },
  ])
const vertical = () => makePdf([{ lines: [], cjk: { lines: ['縦書きの報告書', 'です。'], vertical: true } }])
const arabic = () =>
  makePdf([
    {
      lines: [],
      arabic: [
        ['تقرير', 'عن', 'الرعاية', 'الصحية'],
        ['الأطباء', 'في', 'المدينة'],
      ],
    },
  ])
const textOf = async (name: string, bytes: Uint8Array) => assembleText((await extractDocument(name, bytes)).blocks).text

describe('reading Japanese, Chinese, Korean and right-to-left PDFs', () => {
  test('an analyst imports a Japanese report and reads it in Japanese: lines that wrap join without a space', async () => {
    const text = await textOf('japanese.pdf', japanese())
    expect(text).toContain('日本の医療制度は高齢化に直面している。')
    expect(text).toContain('診療所の役割が変わる。')
    expect(text).toContain('Ageing and primary care')
  })

  test('the parser process, under its permission model, may read pdf.js’s character maps and does', async () => {
    const pool = nodeParserPool(findParserEntry(__dirname), { size: 1 })
    try {
      const document = await pool.parse({ fileName: 'japanese.pdf', bytes: japanese() })
      expect(document.blocks.map((block) => block.text).join('\n')).toContain('日本の医療制度は高齢化に直面している。')
    } finally {
      await pool.close()
    }
  })

  test('a page of vertical writing is read, columns right to left, and is not refused as "scanned"', async () => {
    expect(await textOf('vertical.pdf', vertical())).toBe('縦書きの報告書です。')
  })

  test('Arabic is stored in reading order, so a quote copied from the original is found in the clean text', async () => {
    const text = await textOf('arabic.pdf', arabic())
    expect(text).toContain('تقرير عن الرعاية الصحية')
    expect(text).toContain('الأطباء في المدينة')
  })
})

const REAL = realFixturesDir() ?? ''
describe('the real files that went wrong (pdf.js test corpus)', () => {
  if (!REAL) console.log('skipping the real PDFs: ../shared/fixtures/real is not beside this checkout')
  const real = (name: string) => new Uint8Array(readFileSync(join(REAL, name)))

  test.skipIf(!REAL)('vertical.pdf is read as Japanese, not refused as scanned', async () => {
    const text = await textOf('vertical.pdf', real('vertical.pdf'))
    expect(text).toContain('あいうえお')
    expect(text).toContain('日本語')
  })

  test.skipIf(!REAL)('ArabicCIDTrueType.pdf keeps its words in reading order, its letters as letters', async () => {
    const text = await textOf('ArabicCIDTrueType.pdf', real('ArabicCIDTrueType.pdf'))
    // "انواع الخطوط العربية" as the font's ToUnicode spells it (its lam–kha ligature maps to "خل").
    // The page sets that one line in each of its fonts.
    expect(text.startsWith('انواع اخلطوط العربية انواع')).toBe(true)
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u)
  })
})
