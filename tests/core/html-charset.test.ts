import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { charsetFromContent, sniffHtmlEncoding } from '../../electron/core/sources/formats/html-charset'
import { decodeHtml, withoutScriptText } from '../../electron/core/sources/formats/html'
import { realFixturesDir } from '../helpers/real-fixtures'

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
const join2 = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))
/** Windows-1251 bytes of Russian text, as TextEncoder cannot write them. */
const cp1251 = (text: string) =>
  new Uint8Array([...text].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c === 'ё' ? 0xb8 : c.charCodeAt(0))))
const RUSSIAN = 'Аренда квартир в Москве: агентство недвижимости, основано в 1999 году'

describe('the charset of a saved web page, found as a browser finds it', () => {
  test('a windows-1251 page declared at byte 4,900, after a long script and a Russian title, reads in Cyrillic', async () => {
    const script = `<script language="javascript">\n${'function addToList(from, to) { return from.selectedIndex >= 0 }\n'.repeat(70)}</script>\n`
    const bytes = join2(
      ascii(script),
      ascii('<html><head><title>'),
      cp1251(RUSSIAN),
      ascii('</title>\n<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">\n</head><body><article><h1>'),
      cp1251(RUSSIAN),
      ascii('</h1><p>'),
      cp1251(`${RUSSIAN}. `.repeat(8)),
      ascii('</p></article></body></html>'),
    )
    expect(script.length).toBeGreaterThan(4_500)
    expect(sniffHtmlEncoding(bytes)).toEqual({ encoding: 'windows-1251', source: 'meta-while-parsing', skip: 0 })
    const document = await extractDocument('big-preamble.html', bytes)
    expect(document.metadata.title).toBe(RUSSIAN)
    expect(document.blocks.map((block) => block.text).join(' ')).toContain('основано в 1999 году')
  })

  test('the first 1024 bytes are prescanned as the spec says: comments, scripts’ attributes and unrelated content are not declarations', () => {
    const page = (head: string) => ascii(`<!doctype html><html><head>${head}</head><body><p>caf\xe9</p></body></html>`)
    // A commented-out old declaration does not beat the real one after it.
    expect(sniffHtmlEncoding(page('<!-- <meta charset="iso-8859-2"> --><meta charset="windows-1250">'))?.encoding).toBe('windows-1250')
    // content= counts only with http-equiv="content-type"; the attribute order does not matter.
    expect(sniffHtmlEncoding(page('<meta name="description" content="charset=koi8-r"><meta content="text/html; charset=iso-8859-5" http-equiv="Content-Type">'))?.encoding).toBe('iso-8859-5')
    // A <script charset> names the script's encoding, not the page's.
    expect(sniffHtmlEncoding(page('<script charset="gbk" src="a.js"></script><meta charset=koi8-r>'))?.encoding).toBe('koi8-r')
    // Labels are the Encoding Standard's: latin1 is windows-1252; a page cannot declare itself UTF-16.
    expect(sniffHtmlEncoding(page('<meta charset=" LATIN1 ">'))?.encoding).toBe('windows-1252')
    expect(sniffHtmlEncoding(page('<meta charset="utf-16">'))?.encoding).toBe('utf-8')
    expect(sniffHtmlEncoding(page('<meta charset="no-such-encoding">'))).toBeNull()
    expect(sniffHtmlEncoding(page(''))).toBeNull()
  })

  test('a byte order mark beats every declaration, and a transport charset beats the page’s own', () => {
    const bom = join2(new Uint8Array([0xef, 0xbb, 0xbf]), ascii('<meta charset="windows-1251"><p>x</p>'))
    expect(sniffHtmlEncoding(bom)).toEqual({ encoding: 'utf-8', source: 'bom', skip: 3 })
    expect(sniffHtmlEncoding(ascii('<meta charset="windows-1251">'), 'iso-8859-2')).toEqual({ encoding: 'iso-8859-2', source: 'transport', skip: 0 })
  })

  test('a declaration inside a script, a style or a title is not one, when looked for past the first 1024 bytes', () => {
    const filler = `<p>${'x'.repeat(1100)}</p>`
    expect(sniffHtmlEncoding(ascii(`${filler}<script>var s = '<meta charset="koi8-r">'</script><meta charset="windows-1251">`))?.encoding).toBe('windows-1251')
    expect(sniffHtmlEncoding(ascii(`${filler}<title><meta charset="koi8-r"></title>`))).toBeNull()
  })

  test('a saved copy re-encoded as UTF-8 reads as UTF-8 although its old <meta> still says gb2312', async () => {
    const title = 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶'
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>${title}</title></head><body><article><h1>${title}</h1><p>${'人工智能迈上新台阶。'.repeat(30)}</p></article></body></html>`
    expect(decodeHtml('qq.html', new TextEncoder().encode(html))).toBe(html)
    expect((await extractDocument('qq.html', new TextEncoder().encode(html))).metadata.title).toBe(title)
  })

  test('the charset in a content attribute is extracted as the spec says', () => {
    expect(charsetFromContent('text/html; charset=windows-1251')).toBe('windows-1251')
    expect(charsetFromContent('text/html; CHARSET = "koi8-r"; x')).toBe('koi8-r')
    expect(charsetFromContent('text/html; charsetx; charset=utf-8')).toBe('utf-8')
    expect(charsetFromContent("text/html; charset='unclosed")).toBeNull()
    expect(charsetFromContent('text/html')).toBeNull()
  })
})

describe('large saved pages', () => {
  test('script and style bodies are emptied before parsing, even when one is never closed', () => {
    expect(withoutScriptText('<p>a</p><script type="x">var x = "<p>no</p>"</script><STYLE>p{}</STYLE><p>b</p>')).toBe(
      '<p>a</p><script type="x"></script><STYLE></STYLE><p>b</p>',
    )
    expect(withoutScriptText(`<p>a</p><script>${'<script>'.repeat(50_000)}`)).toBe('<p>a</p><script>')
    // The page's JSON-LD record of itself stays for the metadata.
    const jsonLd = '<script type="application/ld+json">{"@type":"Article","headline":"Care"}</script>'
    expect(withoutScriptText(`${jsonLd}<script>x()</script>`)).toBe(`${jsonLd}<script></script>`)
  })

  test('a page of 40,000 elements is read from its own article, without Readability’s quadratic time', async () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<div><span>cell ${i}</span></div>`).join('')
    const html = `<!doctype html><title>Large table</title><body><nav>Menu</nav><article><h1>Large table</h1><p>${'Waiting times rose in every region. '.repeat(20)}</p>${cells}</article></body>`
    const started = Date.now()
    const document = await extractDocument('large.html', new TextEncoder().encode(html))
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(document.blocks[0]).toEqual({ kind: 'heading', text: 'Large table' })
    expect(document.blocks.some((block) => block.text === 'cell 19999')).toBe(true)
    expect(document.blocks.some((block) => block.text === 'Menu')).toBe(false)
  })
})

const REAL = realFixturesDir() ?? ''
describe('the real pages that broke the importer (../shared/fixtures/real)', () => {
  if (!REAL) console.log('skipping the real pages: ../shared/fixtures/real is not beside this checkout')
  test.skipIf(!REAL)('big-preamble.html (Tika) reads in Cyrillic and qq.html (Readability) in Chinese', async () => {
    const preamble = await extractDocument('big-preamble.html', new Uint8Array(readFileSync(join(REAL, 'big-preamble.html'))))
    expect(preamble.metadata.title).toMatch(/^Аренда квартир, снять квартиру/)
    const qq = await extractDocument('qq.html', new Uint8Array(readFileSync(join(REAL, 'qq.html'))))
    const expected = JSON.parse(readFileSync(join(REAL, 'qq.expected.json'), 'utf8')) as { title: string }
    expect(qq.metadata.title).toBe(expected.title)
  })
})
