import { describe, expect, test } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { rejectsWith } from '../helpers/refusal'

const utf8 = (text: string) => new TextEncoder().encode(text)

const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: hospital trusts could take control of general practice services in parts of England, ` +
      `to provide new investment and infrastructure for under-resourced practices, the chief executive said.</p>`,
  ).join('\n')

const article = `<!doctype html>
<html><head>
  <meta charset="utf-8">
  <title>Hospitals could run general practice | The BMJ</title>
  <meta name="citation_title" content="Hospitals could run general practice services in underserved areas">
  <meta name="citation_author" content="Iacobucci, Gareth">
  <meta name="citation_journal_title" content="BMJ">
  <meta name="citation_publication_date" content="2014/10/03">
  <meta name="citation_doi" content="10.1136/bmj.g6055">
  <meta name="citation_volume" content="349">
  <meta name="citation_issue" content="7978">
  <meta name="citation_firstpage" content="g6055">
  <meta property="og:site_name" content="The BMJ">
  <link rel="canonical" href="https://www.bmj.com/content/349/bmj.g6055">
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <h1>Hospitals could run general practice services in underserved areas</h1>
    ${prose(3)}
    <h2>A third model</h2>
    <p>He said, <q>We have a situation</q> where the route<sup>1</sup> for building practice infrastructure may have been fit for purpose in 1948.</p>
    <ul><li>Stabilise and review current funding</li><li>Give commissioning groups more power</li></ul>
    <blockquote>I think to rule that out across the board would be an assertion of ideology over pragmatism.</blockquote>
  </article>
  <footer>Copyright BMJ Publishing Group</footer>
</body></html>`

describe('importing a saved web page', () => {
  test('the article text becomes headings and paragraphs, without the site navigation', async () => {
    const document = await extractDocument('bmj.html', utf8(article))
    expect(document.format).toBe('html')
    expect(document.mime).toBe('text/html')
    const texts = document.blocks.map((block) => block.text)
    expect(document.blocks[0]).toEqual({ kind: 'heading', text: 'Hospitals could run general practice services in underserved areas' })
    expect(document.blocks).toContainEqual({ kind: 'heading', text: 'A third model' })
    expect(texts).toContain('He said, We have a situation where the route1 for building practice infrastructure may have been fit for purpose in 1948.')
    expect(texts).toContain('Stabilise and review current funding')
    expect(texts).toContain('I think to rule that out across the board would be an assertion of ideology over pragmatism.')
    expect(texts.some((text) => text.startsWith('Paragraph 1: hospital trusts'))).toBe(true)
    expect(texts.join(' ')).not.toContain('News')
    for (const text of texts) expect(text).not.toMatch(/\n| {2}|^\s|\s$/)
  })

  test('citation_* meta tags pre-fill the record', async () => {
    const { metadata } = await extractDocument('bmj.htm', utf8(article))
    expect(metadata).toMatchObject({
      type: 'article-journal',
      title: 'Hospitals could run general practice services in underserved areas',
      author: [{ family: 'Iacobucci', given: 'Gareth' }],
      'container-title': 'BMJ',
      issued: { 'date-parts': [[2014, 10, 3]] },
      DOI: '10.1136/bmj.g6055',
      volume: '349',
      issue: '7978',
      page: 'g6055',
      URL: 'https://www.bmj.com/content/349/bmj.g6055',
    })
  })

  test('Dublin Core and Open Graph tags fill the record when there are no citation tags', async () => {
    const page = `<html><head>
      <meta name="DC.title" content="GPs risk being devoured by hospital trusts">
      <meta name="DC.creator" content="Michelle Drage">
      <meta name="DC.date" content="2015-06-24">
      <meta property="og:title" content="Independents' Day">
      <meta property="og:site_name" content="Pulse">
      <meta property="og:url" content="https://www.pulsetoday.co.uk/views/independents-day">
      </head><body><article>${prose(4)}</article></body></html>`
    const { metadata } = await extractDocument('pulse.html', utf8(page))
    expect(metadata).toMatchObject({
      type: 'webpage',
      title: 'GPs risk being devoured by hospital trusts',
      author: [{ family: 'Drage', given: 'Michelle' }],
      'container-title': 'Pulse',
      issued: { 'date-parts': [[2015, 6, 24]] },
      URL: 'https://www.pulsetoday.co.uk/views/independents-day',
    })
  })

  test('only http and https addresses are kept in the record', async () => {
    const page = `<html><head><meta property="og:title" content="Safe page">
      <meta property="og:url" content="javascript:alert(1)">
      <link rel="canonical" href="/relative/path"></head><body>${prose(2)}</body></html>`
    const { metadata } = await extractDocument('links.html', utf8(page))
    expect(metadata.URL).toBeUndefined()
  })

  test('a page declaring windows-1252 reads with its curly quotes', async () => {
    const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>The GP', 'latin1')
    const bytes = new Uint8Array(Buffer.concat([head, Buffer.from([0x92]), Buffer.from('s role is changing.</p></body></html>', 'latin1')]))
    const { blocks } = await extractDocument('old.html', bytes)
    expect(blocks.map((block) => block.text)).toContain('The GP’s role is changing.')
  })
})

describe('hostile web pages', () => {
  test('script, onerror, iframe, svg and javascript: payloads survive nowhere in the blocks or the record', async () => {
    const hostile = `<!doctype html><html><head>
      <title>Report<script>alert('title')</script></title>
      <meta name="citation_title" content="<script>alert('meta')</script>Integrated care">
      <meta name="citation_author" content="<img src=x onerror=alert('author')>Jane Smith">
      <meta property="og:url" content="javascript:alert('og')">
      <script>document.write('<p>injected</p>'); alert('body')</script>
      </head><body onload="alert('onload')"><article>
      <h1 onclick="alert('h1')">Integrated care</h1>
      <p>Before image <img src="x" onerror="alert('onerror')"> after image.</p>
      <p>A <a href="javascript:alert('link')">link that looks harmless</a> in text.</p>
      <iframe src="javascript:alert('iframe')"></iframe>
      <iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
      <svg onload="alert('svg')"><script>alert('svg-script')</script><text>svg text</text></svg>
      <math><mi xlink:href="javascript:alert('math')">x</mi></math>
      <p>Clean paragraph about primary care networks and the neighbourhood teams that follow them.</p>
      <noscript><p>noscript text</p></noscript>
      <style>body { background: url("javascript:alert('css')") }</style>
      ${prose(3)}
      </article></body></html>`
    const document = await extractDocument('hostile.html', utf8(hostile))
    const everything = JSON.stringify(document)
    for (const payload of ['alert', '<script', 'onerror', 'onload', 'iframe', 'svg', 'javascript:', 'srcdoc', 'injected']) {
      expect(everything).not.toContain(payload)
    }
    const texts = document.blocks.map((block) => block.text)
    expect(texts).toContain('Before image after image.')
    expect(texts).toContain('A link that looks harmless in text.')
    expect(document.metadata.title).toBe('Integrated care')
    expect(document.metadata.author).toEqual([{ family: 'Smith', given: 'Jane' }])
  })

  test('a page with no text at all is refused as empty', async () => {
    await rejectsWith(extractDocument('blank.html', utf8('<html><head><title></title></head><body><script>x()</script></body></html>')), 'EMPTY_FILE', '"blank.html" has no text to import.')
  })

  test('a binary file named .html is refused', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    await rejectsWith(extractDocument('image.html', bytes), 'UNSUPPORTED_FORMAT', expect.stringContaining('"image.html" looks like a binary file (a PNG image)'))
  })
})
