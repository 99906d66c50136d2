import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { MAX_DOCX_INFLATED_BYTES } from '@shared/limits'
import { rejectsWith } from '../helpers/refusal'

const MB = 1024 * 1024

async function wordFile(children: Paragraph[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children }], ...extra })
  return new Uint8Array(await Packer.toBuffer(document))
}

const briefing = () =>
  wordFile(
    [
      new Paragraph({ text: 'Breaking boundaries', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({
        children: [
          new TextRun('Countries with strong primary care systems are more cost-effective.'),
          new FootnoteReferenceRun(1),
          new TextRun(' The evidence is indisputable.'),
        ],
      }),
      new Paragraph({ text: 'Options for integration', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('Federations of practices could take on community services.'),
    ],
    {
      title: 'Breaking boundaries: redefining general practice',
      creator: 'Jones, Roger',
      footnotes: { 1: { children: [new Paragraph('Starfield B. Contribution of primary care. Milbank Q 2005.')] } },
    },
  )

/** Rewrites the uncompressed sizes a zip declares, in local headers and central directory alike. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = Buffer.from(zip)
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i)
    if (signature === 0x04034b50) bytes.writeUInt32LE(size, i + 22)
    if (signature === 0x02014b50) bytes.writeUInt32LE(size, i + 24)
  }
  return new Uint8Array(bytes)
}

async function bomb(inflatedBytes: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await briefing())
  zip.file('word/media/padding.bin', new Uint8Array(inflatedBytes))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

async function withPart(path: string, transform: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await briefing())
  zip.file(path, transform(await zip.file(path)!.async('string')))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('importing a Word document', () => {
  test('headings come from Heading styles, paragraphs keep their text, and the core properties fill the record', async () => {
    const document = await extractDocument('briefing.docx', await briefing())
    expect(document.format).toBe('docx')
    expect(document.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(document.blocks.slice(0, 4)).toEqual([
      { kind: 'heading', text: 'Breaking boundaries' },
      { kind: 'paragraph', text: 'Countries with strong primary care systems are more cost-effective.[1] The evidence is indisputable.' },
      { kind: 'heading', text: 'Options for integration' },
      { kind: 'paragraph', text: 'Federations of practices could take on community services.' },
    ])
    expect(document.blocks[4]?.text).toBe('Starfield B. Contribution of primary care. Milbank Q 2005.')
    expect(document.metadata).toMatchObject({
      title: 'Breaking boundaries: redefining general practice',
      author: [{ family: 'Jones', given: 'Roger' }],
    })
    // dcterms:created is when the file was made, never the publication date.
    expect(document.metadata.issued).toBeUndefined()
    expect(document.provenance?.title).toEqual({ kind: 'document', detail: "the Word file's core properties" })
  })

  test('a javascript: hyperlink leaves its words but no address anywhere', async () => {
    const bytes = await wordFile([
      new Paragraph({
        children: [
          new TextRun('Read '),
          new ExternalHyperlink({ link: 'javascript:alert(document.cookie)', children: [new TextRun('the full report')] }),
          new TextRun(' or visit '),
          new ExternalHyperlink({ link: 'https://www.kingsfund.org.uk/', children: [new TextRun('the King’s Fund')] }),
          new TextRun('.'),
        ],
      }),
    ])
    const document = await extractDocument('links.docx', bytes)
    expect(document.blocks).toEqual([{ kind: 'paragraph', text: 'Read the full report or visit the King’s Fund.' }])
    const everything = JSON.stringify(document)
    expect(everything).not.toContain('javascript')
    expect(everything).not.toContain('alert')
  })

  test('text pasted from a PDF into Word, one line per paragraph, flows back into paragraphs', async () => {
    const lines = [
      'Crisis in general praCtiCe',
      'What has happened since then to create',
      'headlines about doctors leaving general',
      'practice in droves, a service on its knees,',
      'and a major recruitment crisis?',
      '',
      'Chronic underfunding and maldistribution',
      'of resources within the NHS is partly',
      'to blame.',
    ]
    const document = await extractDocument('pasted.docx', await wordFile(lines.map((line) => new Paragraph(line))))
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Crisis in general praCtiCe' },
      {
        kind: 'paragraph',
        text: 'What has happened since then to create headlines about doctors leaving general practice in droves, a service on its knees, and a major recruitment crisis?',
      },
      { kind: 'paragraph', text: 'Chronic underfunding and maldistribution of resources within the NHS is partly to blame.' },
    ])
  })

  test('a document that inflates past the default cap of 200 MB would be refused, but 2 MB is fine', async () => {
    expect(MAX_DOCX_INFLATED_BYTES).toBe(200 * MB)
    const document = await extractDocument('pictures.docx', await bomb(2 * MB))
    expect(document.blocks[0]).toEqual({ kind: 'heading', text: 'Breaking boundaries' })
  })
})

describe('refusing Word documents that are not what they claim', () => {
  test('a .docx that is not a zip is refused as not a Word document', async () => {
    const bytes = new TextEncoder().encode('This is a plain text file that someone renamed to .docx.')
    await rejectsWith(extractDocument('renamed.docx', bytes), 'CORRUPT_FILE', '"renamed.docx" is not a Word document (.docx): it is not a zip file.')
  })

  test('a zip that is cut off is refused as not a Word document', async () => {
    const bytes = (await briefing()).slice(0, 600)
    await rejectsWith(extractDocument('cut.docx', bytes), 'CORRUPT_FILE', expect.stringContaining('"cut.docx" is not a Word document (.docx)'))
  })

  test('a zip without a Word document inside is refused', async () => {
    const zip = new JSZip()
    zip.file('notes.txt', 'not a document')
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    await rejectsWith(extractDocument('archive.docx', bytes), 'CORRUPT_FILE', expect.stringContaining('it is a zip file without a document inside'))
  })

  test('a zip bomb is stopped by counting the bytes actually inflated', async () => {
    const bytes = await bomb(3 * MB)
    expect(bytes.length).toBeLessThan(64 * 1024)
    await rejectsWith(extractDocument('bomb.docx', bytes, { maxInflatedBytes: MB }), 'FILE_TOO_LARGE', '"bomb.docx" expands to more than 1 MB when unpacked: Evident will not open it.')
  })

  test('a zip bomb that lies about its sizes in its headers is stopped all the same', async () => {
    const bytes = lieAboutSizes(await bomb(3 * MB), 100)
    await expect(extractDocument('liar.docx', bytes, { maxInflatedBytes: MB })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
  })

  test('XML with a DOCTYPE and an external entity is refused before it is parsed', async () => {
    const bytes = await withPart('word/document.xml', (xml) =>
      xml
        .replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '')
        .replace(/^/, '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
        .replace('Federations of practices', '&xxe; Federations of practices'),
    )
    await rejectsWith(extractDocument('xxe.docx', bytes), 'CORRUPT_FILE', expect.stringMatching(/^"xxe\.docx" contains a document type declaration \(DOCTYPE\)/))
  })

  test('an entity declaration hidden in the core properties is refused too', async () => {
    const bytes = await withPart('docProps/core.xml', (xml) => xml.replace('<cp:coreProperties', '<!ENTITY lol "lol"><cp:coreProperties'))
    await expect(extractDocument('props.docx', bytes)).rejects.toMatchObject({ code: 'CORRUPT_FILE' })
  })

  test('a password-protected Word file is refused as encrypted', async () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(header), Buffer.alloc(64), Buffer.from('EncryptionInfo', 'utf16le')]))
    await rejectsWith(extractDocument('secret.docx', bytes), 'ENCRYPTED', '"secret.docx" is password-protected: Evident cannot read password-protected Word documents.')
  })
})
