import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { namesFromByline, plausibleDate, plausibleName, plausibleTitle } from '../../electron/core/sources/plausible'
import { makePdf } from '../fixtures/make-pdf'

const html = (head: string, body: string) =>
  new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body><article>${body}<p>${'Practices merged to keep their doors open, the partners said. '.repeat(12)}</p></article></body></html>`)
const accepted = <T>(verdict: { accept: true; value: T } | { accept: false; reason: string }) => (verdict.accept ? verdict.value : verdict.reason)

describe('names that look like names', () => {
  test('a dateline is not an author, and the names in a byline are found among its other parts', () => {
    expect(namesFromByline('April 28; 2019 at 6:01 am Updated April 29; 2019 at 9:14 am').accept).toBe(false)
    expect(accepted(namesFromByline('Written by Jane Smith Edited by John Doe'))).toEqual([{ family: 'Smith', given: 'Jane' }])
    expect(accepted(namesFromByline('By Jane Smith and John Doe'))).toEqual([
      { family: 'Smith', given: 'Jane' },
      { family: 'Doe', given: 'John' },
    ])
    expect(accepted(namesFromByline('Jane Smith, April 28, 2019'))).toEqual([{ family: 'Smith', given: 'Jane' }])
    expect(accepted(namesFromByline('Hermann von Helmholtz | Health correspondent'))).toEqual([{ family: 'Helmholtz', given: 'Hermann von' }])
  })

  test('a program’s placeholder, an address or a login name is rejected with a reason', () => {
    expect(accepted(plausibleName({ literal: 'ARRAY(0x2c7cf020)' }))).toMatch(/program's placeholder/)
    expect(accepted(plausibleName({ literal: 'jane@example.org' }))).toMatch(/address/)
    expect(accepted(plausibleName({ literal: 'Administrator' }))).toMatch(/placeholder/)
    expect(accepted(plausibleName({ family: 'smith2', given: 'j' }))).toMatch(/digits/)
    expect(plausibleName({ literal: 'The King’s Fund' }).accept).toBe(true)
  })
})

describe('titles and dates a reference can show', () => {
  test('a file name, a tool’s placeholder or debris is not a title', () => {
    expect(plausibleTitle('report-final_v2', 'report-final_v2.pdf').accept).toBe(false)
    expect(plausibleTitle('Microsoft Word - briefing.docx').accept).toBe(false)
    expect(plausibleTitle('C:\\Users\\jane\\briefing.docx').accept).toBe(false)
    expect(plausibleTitle('Untitled').accept).toBe(false)
    expect(accepted(plausibleTitle('Integrating general practice and hospitals', 'gp.pdf'))).toBe('Integrating general practice and hospitals')
  })

  test('a year in the future or before print is not a date of publication', () => {
    const now = new Date('2026-12-07')
    expect(plausibleDate({ 'date-parts': [[2019, 4, 28]] }, now).accept).toBe(true)
    expect(plausibleDate({ 'date-parts': [[2031]] }, now).accept).toBe(false)
    expect(plausibleDate({ 'date-parts': [[1066]] }, now).accept).toBe(false)
    expect(plausibleDate({ raw: 'Spring 2019' }, now).accept).toBe(true)
    expect(plausibleDate({ raw: 'soon' }, now).accept).toBe(false)
  })
})

describe('records of imported documents', () => {
  test('a web page’s dateline byline leaves the author empty; its real byline gives the names', async () => {
    const dated = await extractDocument('dated.html', html('<title>Waiting times</title>', '<h1>Waiting times</h1><p class="byline">April 28; 2019 at 6:01 am Updated April 29; 2019</p>'))
    expect(dated.metadata.author).toBeUndefined()
    const credited = await extractDocument('credited.html', html('<title>Waiting times</title>', '<h1>Waiting times</h1><p class="byline">Written by Jane Smith Edited by John Doe</p>'))
    expect(credited.metadata.author).toEqual([{ family: 'Smith', given: 'Jane' }])
  })

  test('a PDF whose author is ARRAY(0x2c7cf020) and whose title is its tool’s has neither; the largest text on page 1 is its guessed title', async () => {
    const bytes = makePdf([{ title: 'Integrating care in Tower Hamlets', lines: ['The partners met in March.', 'They agreed to share records.'] }], {
      info: { Title: 'Microsoft Word - th-report.docx', Author: 'ARRAY(0x2c7cf020)' },
    })
    const document = await extractDocument('th-report.pdf', bytes)
    expect(document.metadata.author).toBeUndefined()
    expect(document.metadata.title).toBe('Integrating care in Tower Hamlets')
    expect(document.provenance?.title).toEqual({ kind: 'guessed', detail: 'the largest text on page 1' })
  })

  test('a PDF with a real title in its document information keeps it', async () => {
    const bytes = makePdf([{ title: 'Cover words', lines: ['The partners met in March.', 'They agreed to share records.'] }], { info: { Title: 'Integrated care: the evidence' } })
    const document = await extractDocument('evidence.pdf', bytes)
    expect(document.metadata.title).toBe('Integrated care: the evidence')
    expect(document.provenance?.title?.kind).toBe('document')
  })

  test('a Word document without a core title is titled by its first heading, marked as a guess', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph({ text: 'Options for integration', heading: HeadingLevel.HEADING_1 }), new Paragraph('Hospital trusts could run practices.')] }],
        }),
      ),
    )
    const document = await extractDocument('draft-3.docx', bytes)
    expect(document.metadata.title).toBe('Options for integration')
    expect(document.provenance?.title).toEqual({ kind: 'guessed', detail: "the document's first heading" })
    expect(document.metadata.issued).toBeUndefined()
  })
})
