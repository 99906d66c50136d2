import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { extractDocument, SUPPORTED_EXTENSIONS } from '../../electron/core/sources/extract'
import { MAX_IMPORT_FILE_BYTES } from '@shared/limits'
import { rejectsWith } from '../helpers/refusal'

const utf8 = (text: string) => new TextEncoder().encode(text)
const texts = async (name: string, bytes: Uint8Array) => (await extractDocument(name, bytes)).blocks.map((block) => block.text)

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le')
  if (endian === 'be') body.swap16()
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body)
}

describe('importing a plain text file', () => {
  test('the analyst imports a starter text and gets paragraphs, headings and a text/plain record', async () => {
    const bytes = readFileSync(join(__dirname, '../../resources/corpus/000_fc013471f3c8df7b.txt'))
    const document = await extractDocument('000_fc013471f3c8df7b.txt', bytes)
    expect(document.format).toBe('txt')
    expect(document.mime).toBe('text/plain')
    expect(document.blocks[0]!.text).toMatch(/^In 2008, on the 60th birthday of the NHS Don Berwick/)
    expect(document.blocks.find((block) => block.kind === 'heading')?.text).toBe('Crisis in general praCtiCe')
  })

  test('a UTF-8 file with a byte order mark loses the mark', async () => {
    expect(await texts('bom.txt', utf8('\ufeffGPs’ workload is rising.'))).toEqual(['GPs’ workload is rising.'])
  })

  test('a Windows-1252 file saved by an old editor reads with its curly quotes and pound signs', async () => {
    const bytes = new Uint8Array([...Buffer.from('Don'), 0x92, ...Buffer.from('t say '), 0x93, ...Buffer.from('crisis'), 0x94, ...Buffer.from(': '), 0xa3, ...Buffer.from('30 million.')])
    expect(await texts('old.txt', bytes)).toEqual(['Don’t say “crisis”: £30 million.'])
  })

  test('invalid UTF-8 does not crash: stray high bytes are read as Windows-1252', async () => {
    const bytes = new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' and na'), 0xef, ...Buffer.from('ve care.')])
    expect(await texts('latin.txt', bytes)).toEqual(['Café and naïve care.'])
  })

  test('UTF-8 damaged in places is refused rather than garbled', async () => {
    const good = Buffer.from('Café, naïve, résumé, “quoted” — all fine. ', 'utf8')
    const bytes = new Uint8Array(Buffer.concat([good, Buffer.from([0xe2, 0x80]), Buffer.from(' then broken.')]))
    await rejectsWith(extractDocument('damaged.txt', bytes), 'CORRUPT_FILE', expect.stringMatching(/^"damaged\.txt" has damaged text: .*UTF-8/))
  })

  test.each([
    ['UTF-16 LE', 'le' as const],
    ['UTF-16 BE', 'be' as const],
  ])('a %s file with a byte order mark is read', async (_, endian) => {
    expect(await texts('utf16.txt', utf16('Integration: “one NHS”.\r\n\r\nSecond paragraph.', endian))).toEqual([
      'Integration: “one NHS”.',
      'Second paragraph.',
    ])
  })

  test('a UTF-16 file saved without a byte order mark is still read', async () => {
    expect(await texts('nobom.txt', utf16('Primary care networks were introduced in 2019.', 'le', false))).toEqual([
      'Primary care networks were introduced in 2019.',
    ])
  })
})

describe('refusing what is not a text file', () => {
  test('an empty file is refused with EMPTY_FILE', async () => {
    await rejectsWith(extractDocument('empty.txt', new Uint8Array()), 'EMPTY_FILE', '"empty.txt" is empty: there is no text to import.')
  })

  test('a file of only spaces and blank lines is refused with EMPTY_FILE', async () => {
    await expect(extractDocument('blank.md', utf8('  \n\t\r\n   \n'))).rejects.toMatchObject({ code: 'EMPTY_FILE' })
  })

  test('a binary file named .txt is refused as a binary file', async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 37) % 256)
    await rejectsWith(extractDocument('photo.txt', bytes), 'UNSUPPORTED_FORMAT', expect.stringContaining('"photo.txt" looks like a binary file'))
  })

  test('control characters without any NUL byte still mark a binary file', async () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41))
    await expect(extractDocument('data.txt', bytes)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' })
  })

  test('a PDF renamed to .txt is refused and recognised as a PDF', async () => {
    await rejectsWith(extractDocument('report.txt', utf8('%PDF-1.7\n1 0 obj << >> endobj')), 'UNSUPPORTED_FORMAT', expect.stringContaining('(a PDF)'))
  })

  test('a file over the size limit is refused with FILE_TOO_LARGE naming the limit', async () => {
    const bytes = new Uint8Array(1024 * 1024 + 1).fill(0x61)
    await rejectsWith(extractDocument('huge.txt', bytes, { maxBytes: 1024 * 1024 }), 'FILE_TOO_LARGE', '"huge.txt" is 1.0 MB: Evident imports files up to 1 MB.')
  })

  test('the default size limit is the shared 100 MB limit', async () => {
    const oversized = new Uint8Array(16)
    Object.defineProperty(oversized, 'length', { value: MAX_IMPORT_FILE_BYTES + 1 })
    await rejectsWith(extractDocument('huge.txt', oversized), 'FILE_TOO_LARGE', expect.stringContaining('up to 100 MB'))
  })

  test('an unknown extension is refused with the list of supported formats', async () => {
    await rejectsWith(extractDocument('brief.rtf', utf8('{\\rtf1 hello}')), 'UNSUPPORTED_FORMAT', `"brief.rtf" is not a format Evident can import. Supported files: ${SUPPORTED_EXTENSIONS.join(', ')}.`)
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.html', '.htm', '.docx', '.pdf'])
  })
})

describe('markdown notes', () => {
  test('# headings become headings and emphasis markup is stripped', async () => {
    const markdown = [
      '---',
      'title: "Integration briefing"',
      '---',
      '# Hospitals and general practice',
      '',
      'The **independent contractor** model is *under pressure*, see',
      '[the Fuller report](https://example.org/fuller) and `PCN DES`.',
      '',
      '## Options',
      '',
      '- Federations of practices',
      '- Vertical integration with hospital trusts',
      '',
      'Setext heading',
      '==============',
    ].join('\n')
    const document = await extractDocument('notes.md', utf8(markdown))
    expect(document.format).toBe('md')
    expect(document.mime).toBe('text/markdown')
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Hospitals and general practice' },
      { kind: 'paragraph', text: 'The independent contractor model is under pressure, see the Fuller report and PCN DES.' },
      { kind: 'heading', text: 'Options' },
      { kind: 'paragraph', text: 'Federations of practices' },
      { kind: 'paragraph', text: 'Vertical integration with hospital trusts' },
      { kind: 'heading', text: 'Setext heading' },
    ])
    expect(document.metadata.title).toBe('Integration briefing')
  })
})

describe('markdown that once took minutes', () => {
  test.each([
    ['unclosed brackets', '['.repeat(200_000)],
    ['unclosed image links', '!['.repeat(100_000)],
    ['unclosed tags', '<a'.repeat(100_000)],
    ['unclosed strong emphasis', '**a '.repeat(50_000)],
    ['unclosed emphasis', '*a '.repeat(70_000)],
    ['links without their closing parenthesis', '[x]('.repeat(50_000)],
    ['a heading with words between long runs of spaces', `# a${' '.repeat(1_000)}b`.repeat(200)],
  ])('one 200 KB line of %s is read, and its text kept', async (_, line) => {
    const [text] = await texts('notes.md', utf8(line))
    expect(text!.length).toBeGreaterThan(500)
  })

  test('headings lose their closing hashes, and emphasis still goes', async () => {
    expect(await texts('notes.md', utf8('## Options ##\n\nA **bold** _claim_ and ~~struck~~ `code`.'))).toEqual(['Options', 'A bold claim and struck code.'])
    expect(await texts('notes.md', utf8('# C# in practice'))).toEqual(['C# in practice'])
  })
})

describe('record fields found in the text', () => {
  test('a DOI and web address near the top of the text pre-fill the record', async () => {
    const text = 'Editorial\n\ndoi: 10.3399/bjgp14X682465.\n\nSource: https://bjgp.org/content/64/628/556.\n\nBody text follows here.'
    const { metadata } = await extractDocument('editorial.txt', utf8(text))
    expect(metadata.DOI).toBe('10.3399/bjgp14X682465')
    expect(metadata.URL).toBe('https://bjgp.org/content/64/628/556')
  })
})
