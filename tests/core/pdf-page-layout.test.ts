import { describe, expect, test } from 'vitest'
import { assembleText } from '../../electron/core/sources/assemble'
import { extractDocument } from '../../electron/core/sources/extract'
import { dropRunningLines } from '../../electron/core/sources/formats/pdf-furniture'
import type { VisualLine } from '../../electron/core/sources/formats/pdf-lines'
import { makePdf, type PdfPage } from '../fixtures/make-pdf'

const paragraphsOf = async (bytes: Uint8Array) => assembleText((await extractDocument('report.pdf', bytes)).blocks).paragraphs.map((p) => p.text)

const journal = 'Br J Gen Pract · November 2014'
const title = 'Crisis in general practice'
const bodyPage = (n: number): string[] => [
  `Paragraph ${n} opens the page and says what the`,
  'partners reported about access to their practice',
  'in the year before the merger took place.',
  journal,
  'The next paragraph on this page is about the',
  'funding that followed the patients between',
  'practices, and how little of it there was',
  'for the services they had asked for.',
]

describe('running heads and footers are recognised by their place on the page', () => {
  test('an analyst imports a journal article whose heads alternate between odd and even pages: no head, footer or page number reaches the text', async () => {
    // Odd pages carry the article's title, even pages the journal's; page numbers sit at the foot.
    const pages: PdfPage[] = [1, 2, 3, 4, 5].map((n) => ({ lines: bodyPage(n), header: n % 2 ? title : journal, footer: String(n) }))
    const text = (await paragraphsOf(makePdf(pages))).join('\n')
    expect(text).not.toContain(title)
    expect(text).not.toMatch(/^\d+$/m)
    // The journal's name in the middle of a page is body text, not its head: it stays, once per page.
    expect(text.split(journal).length - 1).toBe(5)
  })

  test('a head that carries the page number ("Annual report 2024 | 7") and "Page 3 of 12" footers are dropped, body kept', async () => {
    const topics = ['access', 'funding', 'staffing']
    const body = (topic: string) => [`The partners said ${topic} was what`, `patients asked about most, and that ${topic}`, `would decide how the ${topic} merger was judged.`]
    const pages: PdfPage[] = topics.map((topic, i) => ({ lines: body(topic), header: `Annual report 2024 | ${i + 7}`, footer: `Page ${i + 3} of 12` }))
    expect(await paragraphsOf(makePdf(pages))).toEqual(topics.map((topic) => body(topic).join(' ')))
  })

  test('lines at the same place on most pages are dropped; the same words elsewhere on the page are kept', () => {
    const line = (text: string, y: number): VisualLine => ({ text, y, size: 10, x: 72, right: 300 })
    const body = [
      ['The structure of the NHS as we know it', 'was an accident of history.', 'BJGP · November 2014', 'Some elements of the reforms'],
      ['made things even worse.', 'It really has been a miracle', 'that the system has worked.', 'And so it went on.'],
      ['How can a fragmented system', 'be rehabilitated and developed', 'so that its strengths remain?', 'Nobody was sure.'],
      ['Some of the weaknesses of general', 'practice can also be its strengths:', 'speed and agility.', 'That was the view.'],
    ]
    const pages = body.map((lines, i) => [
      line('BJGP · November 2014', 760),
      ...lines.map((text, k) => line(text, 700 - k * 14)),
      ...['', '', ''].map((_, k) => line(`Filler line ${k} of page ${i}, different everywhere`, 600 - k * 14)),
      line(`Page ${i + 1} of 4`, 50),
      line(String(556 + i), 36),
    ])
    const kept = dropRunningLines(pages).map((lines) => lines.map((l) => l.text).filter((t) => !t.startsWith('Filler')))
    expect(kept).toEqual(body)
  })
})

describe('two-column pages are read in column order', () => {
  const left = [
    'General practice in England has lost',
    'a fifth of its partners in ten years,',
    'and the practices that remain are',
    'larger than they have ever been, so',
  ]
  const right = [
    'patients notice the change first in',
    'how long they wait to be seen, and',
    'then in whether they see the same',
    'doctor from one visit to the next.',
  ]

  test('a page drawn row by row across both columns reads down the left column, then the right', async () => {
    const paragraphs = await paragraphsOf(makePdf([{ lines: [], title: 'The state of general practice', columns: [left, right] }]))
    expect(paragraphs).toEqual(['The state of general practice', [...left, ...right].join(' ')])
  })

  test('a table of short cells side by side keeps its rows in order', async () => {
    const cells: [string[], string[]] = [
      ['Practices', 'Partners', 'Salaried GPs', 'Nurses'],
      ['6,417', '21,033', '9,870', '16,224'],
    ]
    const text = (await paragraphsOf(makePdf([{ lines: [], columns: cells }]))).join(' ')
    expect(text).toBe('Practices 6,417 Partners 21,033 Salaried GPs 9,870 Nurses 16,224')
  })
})
