import { describe, it } from 'vitest'
import { findParserEntry } from '../../electron/core/app/resources'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import { makeScannedPdf } from '../fixtures/make-scanned-pdf'
import { fmt, report, seededRandom } from './bench-helpers'

// Issue 14: OCR seconds per page on a scanned 10-page report, and the words recovered against the text the
// scan was made from (goal at least 95% right on a clean 300 dpi scan).
const WORDS = `the trust reported that ward closures rose by a third in the winter while waiting lists grew longer than at
any time since records began and community hospitals lost beds in every region of the country as funding for
general practice fell behind demand and the number of doctors choosing it as a career declined again this year
according to figures published by the department which also show that rural areas waited longest for an
appointment and that integrated care boards spent less on prevention than they had planned`.split(/\s+/)

function page(random: () => number): string[] {
  const lines: string[] = []
  for (let n = 0; n < 34; n++) {
    if (n % 8 === 7) {
      lines.push('')
      continue
    }
    const words: string[] = []
    while (words.join(' ').length < 62) words.push(WORDS[Math.floor(random() * WORDS.length)]!)
    lines.push(words.join(' '))
  }
  return lines
}

/** Words of the truth found in order in the reading (longest common subsequence), as a share of the truth. */
function wordsRight(truth: string[], read: string[]): number {
  let previous = new Array<number>(read.length + 1).fill(0)
  for (const word of truth) {
    const row = new Array<number>(read.length + 1).fill(0)
    for (let j = 1; j <= read.length; j++) row[j] = word === read[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!)
    previous = row
  }
  return previous[read.length]! / truth.length
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)

describe('OCR of a scanned report', () => {
  it('seconds a page for 10 pages at 300 dpi, through a parser process, and the words it got right', async () => {
    const random = seededRandom(14)
    const pages = Array.from({ length: 10 }, () => ({ lines: page(random) }))
    const truth = words(pages.flatMap((p) => p.lines).join(' '))
    const pool = nodeParserPool(findParserEntry(__dirname), { size: 1 })
    try {
      const started = performance.now()
      const document = await pool.parse({ fileName: 'scanned report.pdf', bytes: makeScannedPdf(pages) })
      const seconds = (performance.now() - started) / 1000
      const read = words(document.blocks.map((b) => b.text).join(' '))
      report(
        `OCR, 10 scanned pages at 300 dpi (${truth.length} words): ${fmt(seconds / 10)} s a page (${fmt(seconds, 1)} s in all) · ` +
          `${fmt(wordsRight(truth, read) * 100, 1)}% of words right (goal ≥ 95) · mean confidence ${document.ocr?.meanConfidence}% · ` +
          `${document.ocr?.doubtfulWords} words under 60%`,
      )
    } finally {
      await pool.close()
    }
  }, 600_000)
})
