import type { WindowLike } from 'dompurify'
import type { DOMWindow } from 'jsdom'
import { AppError } from '../../errors'
import type { Block, ExtractedDocument } from '../extracted'
import { cleanMetaText, mergeMetadata, metadataFromHtml, parseDate } from '../metadata'
import { cleanLine } from '../line-text'
import { namesFromByline } from '../plausible'
import { labelled, mergeLabelled } from '../provenance'
import { sniffHtmlEncoding } from './html-charset'
import { decodeText, decodeWindows1252 } from './txt'

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
const BLOCKS = new Set(
  'P LI BLOCKQUOTE DIV SECTION ARTICLE MAIN HEADER FOOTER ASIDE NAV UL OL DL DT DD PRE TABLE THEAD TBODY TR TD TH CAPTION FIGURE FIGCAPTION ADDRESS HR DETAILS SUMMARY'.split(
    ' ',
  ),
)
/** Whatever Readability lets through, none of these reach the blocks. */
const FORBID_TAGS = ['style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'noscript', 'template', 'svg', 'math', 'script']

/**
 * Text in the encoding a browser would use (see html-charset.ts), with one rule of our own for saved
 * copies: a page whose every byte is valid UTF-8, non-ASCII included, is UTF-8 whatever its <meta> says.
 * Tools that save or convert pages re-encode them and leave the old declaration behind (Readability's
 * qq.html says gb2312 and is UTF-8); text in a legacy encoding is valid UTF-8 by accident almost never.
 * A page declaring UTF-8, or nothing, gets the same detection as a .txt file, so damaged UTF-8 is still
 * refused rather than garbled.
 */
export function decodeHtml(fileName: string, bytes: Uint8Array, transportCharset?: string): string {
  const sniffed = sniffHtmlEncoding(bytes, transportCharset)
  if (!sniffed || (sniffed.encoding === 'utf-8' && sniffed.source !== 'bom')) return decodeText(fileName, bytes)
  const body = bytes.subarray(sniffed.skip)
  if (sniffed.source === 'prescan' || sniffed.source === 'meta-while-parsing') {
    const saved = strictUtf8(body)
    if (saved !== null && /[^\x00-\x7f]/.test(saved)) return saved
  }
  if (sniffed.encoding === 'windows-1252') return decodeWindows1252(body)
  return new TextDecoder(sniffed.encoding).decode(body)
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** A jsdom window that runs no scripts, loads no resources and prints nothing. */
export async function quietWindow(html: string): Promise<DOMWindow> {
  const { JSDOM, VirtualConsole } = await import('jsdom')
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window
}

/** Sanitised HTML → heading and paragraph blocks (h1-h6 → heading, p/li/blockquote and other blocks → paragraph). */
export async function htmlToBlocks(html: string, window?: DOMWindow, options: { keepEmpty?: boolean } = {}): Promise<Block[]> {
  const win = window ?? (await quietWindow(''))
  const { default: createDOMPurify } = await import('dompurify')
  const purify = createDOMPurify(win as unknown as WindowLike)
  const fragment = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style'],
    RETURN_DOM_FRAGMENT: true,
  })
  return fragmentToBlocks(fragment, options.keepEmpty ?? false)
}

/** keepEmpty: an empty <p> stays as an empty block, the blank line of text pasted into Word. */
function fragmentToBlocks(root: Node, keepEmpty: boolean): Block[] {
  const blocks: Block[] = []
  let buffer = ''
  const flush = () => {
    for (const part of buffer.split(/\n\s*\n/)) {
      const text = cleanLine(part)
      if (text) blocks.push({ kind: 'paragraph', text })
    }
    buffer = ''
  }
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += (node.nodeValue ?? '').replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return
    const tag = (node as Element).tagName ?? ''
    if (HEADINGS.has(tag)) {
      flush()
      const text = cleanLine(node.textContent ?? '')
      if (text) blocks.push({ kind: 'heading', text })
      return
    }
    if (keepEmpty && tag === 'P' && !cleanLine(node.textContent ?? '')) {
      flush()
      blocks.push({ kind: 'paragraph', text: '' })
      return
    }
    if (tag === 'BR') {
      buffer += '\n'
      return
    }
    const block = BLOCKS.has(tag)
    if (block) flush()
    for (const child of Array.from(node.childNodes)) visit(child)
    if (block) flush()
  }
  visit(root)
  flush()
  return blocks
}

/** Readability's own threshold for an article: less than this is a page's furniture, not its text. */
const MIN_ARTICLE_CHARS = 200

export interface HtmlOptions {
  baseUrl?: string
  requireArticle?: boolean
}

/**
 * Readability's time grows with the square of a page's elements (10,000 took 4 s, 60,000 over three
 * minutes). Past this many, the page's own <article>, <main> or <body> is read instead.
 */
const MAX_READABILITY_ELEMENTS = 15_000

export async function extractHtml(fileName: string, bytes: Uint8Array, options: HtmlOptions = {}): Promise<ExtractedDocument> {
  const html = withoutScriptText(decodeHtml(fileName, bytes))
  const window = await quietWindow(html)
  try {
    return await readPage(window, options)
  } finally {
    // The text is out by now: a window that fails to close (jsdom throws on some pages) must not turn a
    // page that was read into one "that looks damaged".
    try {
      window.close()
    } catch {
      // Nothing to undo: the window is dropped with this call either way.
    }
  }
}

async function readPage(window: DOMWindow, options: HtmlOptions): Promise<ExtractedDocument> {
  const document = window.document
  const metadata = metadataFromHtml(document, options.baseUrl)
  const { Readability } = await import('@mozilla/readability')
  const small = document.getElementsByTagName('*').length <= MAX_READABILITY_ELEMENTS
  // Readability rewrites the tree it is given; the original stays intact for the fallback.
  const article = small ? new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse() : null
  const own = document.querySelector('article') ?? document.querySelector('main') ?? document.body
  const readable = small ? article?.textContent : own?.textContent
  if (options.requireArticle && (readable?.trim().length ?? 0) < MIN_ARTICLE_CHARS) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `Not an article: the page holds no readable text (a log-in wall, a captcha or a page of links). Open it in your browser, save it, and import the file.`,
    )
  }
  let blocks = await htmlToBlocks(article?.content || own?.innerHTML || '', window)
  if (!blocks.length && article?.content) blocks = await htmlToBlocks(document.body?.innerHTML ?? '', window)
  const title = cleanMetaText(article?.title)
  // Readability drops the article's own h1 and trims the site name off <title>; the h1 is the fuller text.
  const h1 = cleanMetaText(document.querySelector('h1')?.textContent)
  const heading = h1 && title && (h1.startsWith(title) || h1 === metadata.title) ? h1 : title
  if (heading && blocks.length && blocks[0]!.text !== heading) blocks.unshift({ kind: 'heading', text: heading })
  const byline = cleanMetaText(article?.byline)
  const fromReadability = mergeMetadata({
    title,
    author: authorsFromByline(byline),
    'container-title': cleanMetaText(article?.siteName),
    issued: parseDate(article?.publishedTime),
  })
  const pageTitle = cleanMetaText(document.title)
  const record = mergeLabelled(
    labelled(metadata, { kind: 'document', detail: "the page's citation_*, Dublin Core and Open Graph meta tags" }),
    // Readability reads title, byline and date off the page's layout: a guess the analyst should confirm.
    labelled(fromReadability, { kind: 'guessed', detail: "Readability's reading of the page" }),
    labelled({ title: pageTitle }, { kind: 'document', detail: "the page's <title>" }),
  )
  return { format: 'html', mime: 'text/html', blocks, ...record }
}

/** Readability's byline is whatever sat under the headline: only the names in it, if it has any. */
function authorsFromByline(byline: string | undefined) {
  const verdict = namesFromByline(byline)
  return verdict.accept ? verdict.value : undefined
}

/**
 * Script and style bodies (but JSON-LD) emptied before the page is parsed: they are never text of the page, and on a
 * large saved page (megabytes of inline script and JSON) they were most of what jsdom held. Found with
 * indexOf, not a pattern, so an unclosed <script> costs one pass, as it does a browser's tokenizer.
 */
export function withoutScriptText(html: string): string {
  const lower = html.toLowerCase()
  if (lower.length !== html.length) return html
  const parts: string[] = []
  let from = 0
  const open = /<(script|style)[\t\n\f\r />]/g
  for (let match = open.exec(lower); match; match = open.exec(lower)) {
    const tagEnd = lower.indexOf('>', match.index)
    if (tagEnd < 0) break
    // A page's JSON-LD is a record of itself (json-ld.ts reads it): kept.
    if (lower.slice(match.index, tagEnd).includes('ld+json')) continue
    const close = lower.indexOf(`</${match[1]}`, tagEnd)
    parts.push(html.slice(from, tagEnd + 1))
    from = close < 0 ? html.length : close
    open.lastIndex = from
  }
  parts.push(html.slice(from))
  return parts.join('')
}
