import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'
import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { rtfToText } from '../../electron/core/sources/formats/docx-altchunk'

/**
 * A .docx as generators write it: the body is only w:altChunk elements, each naming a part that holds the
 * text whole (Word imports it on opening). Made from a real .docx by rewriting its body and relationships.
 */
async function altChunkDocx(chunks: { name: string; contentType: string; bytes: Uint8Array | string }[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })))
  const body = chunks.map((_, i) => `<w:altChunk r:id="rIdChunk${i}"/>`).join('')
  const documentXml = await zip.file('word/document.xml')!.async('string')
  zip.file('word/document.xml', documentXml.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${body}$1`))
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  const added = chunks
    .map((chunk, i) => `<Relationship Id="rIdChunk${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${chunk.name}"/>`)
    .join('')
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `${added}</Relationships>`))
  const types = await zip.file('[Content_Types].xml')!.async('string')
  const overrides = chunks.map((chunk) => `<Override PartName="/word/${chunk.name}" ContentType="${chunk.contentType}"/>`).join('')
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`))
  for (const chunk of chunks) zip.file(`word/${chunk.name}`, chunk.bytes)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const texts = async (bytes: Uint8Array) => (await extractDocument('generated.docx', bytes)).blocks.map((block) => block.text)

describe('a Word document whose body is an altChunk', () => {
  test('an embedded HTML part is read as the document’s text, its scripts not', async () => {
    const html = '<html><head><title>x</title><script>alert(1)</script></head><body><h1>Integration options</h1><p>Hospital trusts could run practices.</p></body></html>'
    expect(await texts(await altChunkDocx([{ name: 'afchunk.htm', contentType: 'text/html', bytes: html }]))).toEqual([
      'Integration options',
      'Hospital trusts could run practices.',
    ])
  })

  test('an embedded RTF part and an embedded .docx part are read, in the order the body names them', async () => {
    const rtf = String.raw`{\rtf1\ansi{\fonttbl{\f0 Times;}}{\*\generator Writer;}\f0 Practices merged in 2019.\par Caf\'e9 meetings helped \u8212? a lot.\par}`
    const inner = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Partners signed in March.')] }] })))
    const bytes = await altChunkDocx([
      { name: 'chunk1.rtf', contentType: 'application/rtf', bytes: rtf },
      { name: 'chunk2.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', bytes: inner },
    ])
    expect(await texts(bytes)).toEqual(['Practices merged in 2019.', 'Café meetings helped — a lot.', 'Partners signed in March.'])
  })

  test('an embedded part Evident cannot read is refused saying so, not called empty', async () => {
    const bytes = await altChunkDocx([{ name: 'afchunk.mht', contentType: 'message/rfc822', bytes: 'MIME-Version: 1.0\r\n\r\n' }])
    await expect(extractDocument('generated.docx', bytes)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringContaining('embedded MHT part'),
    })
  })

  test('RTF control words, hidden destinations and escapes become plain text', () => {
    expect(rtfToText(String.raw`{\rtf1{\colortbl;\red0;}\b Bold\b0  and {\i it}\par \{braces\}}`)).toBe('Bold and it\n\n{braces}')
  })
})
