import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { findNoteMarkers } from '../../electron/core/sources/note-markers'
import { makePdf, type PdfPage } from '../fixtures/make-pdf'
import { rejectsWith } from '../helpers/refusal'

const header = 'Br J Gen Pract · November 2014'
const page = (lines: string[], footer: string): PdfPage => ({ lines, header, footer })

const editorial = () =>
  makePdf(
    [
      page(
        [
          'Editorial',
          '',
          'doi: 10.3399/bjgp14X682465',
          '',
          'Crisis in general practice',
          'What has happened since then to create headlines about',
          'doctors leaving general practice in droves, a service on',
          'its knees, and a major recruitment crisis? Chronic under-',
          'funding is partly to blame.2 The structure of the NHS was',
        ],
        'ii',
      ),
      page(
        [
          'an accident of history: a healthcare system created when',
          'little was known about healthcare systems.',
          '',
          'How to move on',
          'How can a fragmented and demoralised system of general',
          'practice be rehabilitated and developed?',
        ],
        '1',
      ),
      page(['Economies of scale achieved by more centralised', 'management could free up resources.'], '2'),
    ],
    {
      pageLabels: [{ from: 0, style: 'r', start: 2 }, { from: 1, style: 'D' }],
      info: { Title: 'Crisis in general practice', Author: 'Roger Jones', CreationDate: 'D:20141031093000Z' },
    },
  )

describe('importing a PDF', () => {
  test('lines become paragraphs and headings, each carrying the label of the page it starts on', async () => {
    const document = await extractDocument('editorial.pdf', editorial())
    expect(document.format).toBe('pdf')
    expect(document.mime).toBe('application/pdf')
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Editorial', page: 'ii' },
      { kind: 'paragraph', text: 'doi: 10.3399/bjgp14X682465', page: 'ii' },
      { kind: 'heading', text: 'Crisis in general practice', page: 'ii' },
      {
        kind: 'paragraph',
        page: 'ii',
        text:
          'What has happened since then to create headlines about doctors leaving general practice in droves, ' +
          'a service on its knees, and a major recruitment crisis? Chronic underfunding is partly to blame.2 ' +
          'The structure of the NHS was an accident of history: a healthcare system created when little was known about healthcare systems.',
      },
      { kind: 'heading', text: 'How to move on', page: '1' },
      {
        kind: 'paragraph',
        page: '1',
        text: 'How can a fragmented and demoralised system of general practice be rehabilitated and developed?',
      },
      { kind: 'paragraph', page: '2', text: 'Economies of scale achieved by more centralised management could free up resources.' },
    ])
  })

  test('running headers and page numbers are dropped and note markers stay findable', async () => {
    const { blocks } = await extractDocument('editorial.pdf', editorial())
    const text = blocks.map((block) => block.text).join('\n\n')
    expect(text).not.toContain('Br J Gen Pract')
    expect(findNoteMarkers(text).map((marker) => marker.label)).toEqual(['2'])
  })

  test('the PDF info dictionary and the DOI on the first page fill the record; the file’s CreationDate is not its date', async () => {
    const { metadata, provenance } = await extractDocument('editorial.pdf', editorial())
    expect(metadata).toEqual({
      title: 'Crisis in general practice',
      author: [{ family: 'Jones', given: 'Roger' }],
      DOI: '10.3399/bjgp14X682465',
    })
    expect(provenance).toEqual({
      title: { kind: 'document', detail: "the PDF's document information" },
      author: { kind: 'document', detail: "the PDF's document information" },
      DOI: { kind: 'text', detail: 'a DOI near the top of the text' },
    })
  })

  test('without page labels, pages are numbered from 1', async () => {
    const bytes = makePdf([['First page ends mid', ''], ['sentence on the second.', '', 'A new paragraph here.']])
    const { blocks } = await extractDocument('plain.pdf', bytes)
    expect(blocks).toEqual([
      { kind: 'paragraph', page: '1', text: 'First page ends mid sentence on the second.' },
      { kind: 'paragraph', page: '2', text: 'A new paragraph here.' },
    ])
  })

  test('a title that only names the authoring tool is not taken as the title', async () => {
    const bytes = makePdf([['Some text of the report.']], { info: { Title: 'Microsoft Word - draft3.docx' } })
    expect((await extractDocument('draft.pdf', bytes)).metadata.title).toBeUndefined()
  })
})

describe('refusing PDFs Evident cannot read', () => {
  test('an encrypted PDF is refused with a message that says so', async () => {
    const bytes = makePdf([['The secret plan for general practice.']], { userPassword: 'secret' })
    await rejectsWith(extractDocument('report.pdf', bytes), 'ENCRYPTED', '"report.pdf" is encrypted: Evident cannot read password-protected PDFs.')
  })

  test('the encrypted fixture is a real encrypted PDF: with its password it opens', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const bytes = makePdf([['The secret plan for general practice.']], { userPassword: 'secret' })
    const task = pdfjs.getDocument({ data: bytes, password: 'secret', verbosity: 0 })
    const page = await (await task.promise).getPage(1)
    const items = (await page.getTextContent()).items
    expect(items.map((item) => ('str' in item ? item.str : '')).join('')).toBe('The secret plan for general practice.')
    await task.destroy()
  })

  test('a PDF with only an owner password (no password to open it) is imported', async () => {
    const bytes = makePdf([['Restricted from printing, but anyone can read it.']], { userPassword: '' })
    const { blocks } = await extractDocument('restricted.pdf', bytes)
    expect(blocks).toEqual([{ kind: 'paragraph', page: '1', text: 'Restricted from printing, but anyone can read it.' }])
  })

  test('a truncated PDF is refused as damaged', async () => {
    const whole = editorial()
    const bytes = whole.slice(0, Math.floor(whole.length * 0.6))
    await rejectsWith(extractDocument('download.pdf', bytes), 'CORRUPT_FILE', expect.stringMatching(/^"download\.pdf" is damaged: the PDF is cut off/))
  })

  test('a PDF whose insides are garbage is refused as damaged', async () => {
    const garbage = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(2000) + '\n%%EOF\n')
    await rejectsWith(extractDocument('garbage.pdf', garbage), 'CORRUPT_FILE', '"garbage.pdf" is damaged: it cannot be read as a PDF.')
  })

  test('a file named .pdf that is not a PDF at all is refused', async () => {
    const bytes = new TextEncoder().encode('<html><body>Not a PDF</body></html>')
    await rejectsWith(extractDocument('page.pdf', bytes), 'CORRUPT_FILE', '"page.pdf" is not a PDF: it does not start like one.')
  })

  test('a PDF with no text layer and nothing scanned to read is refused, saying there is no text (scans: extract-pdf-ocr)', async () => {
    const bytes = makePdf([{ lines: [] }, { lines: [] }])
    await rejectsWith(extractDocument('scan.pdf', bytes), 'NO_TEXT_LAYER', '"scan.pdf" has no text layer and no scanned pages to read: there is no text in it.')
  })
})
