import type { WindowLike } from 'dompurify'
import type { DOMWindow } from 'jsdom'
import { AppError } from '../../errors'
import type { Block, ExtractedDocument } from '../extracted'
import { cleanMetaText, mergeMetadata, metadataFromHtml, parseDate, parseNames } from '../metadata'
import { cleanLine } from '../line-text'
import { labelled, mergeLabelled } from '../provenance'
import { decodeText, decodeWindows1252 } from './txt'

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
const BLOCKS = new Set(
  'P LI BLOCKQUOTE DIV SECTION ARTICLE MAIN HEADER FOOTER ASIDE NAV UL OL DL DT DD PRE TABLE THEAD TBODY TR TD TH CAPTION FIGURE FIGCAPTION ADDRESS HR DETAILS SUMMARY'.split(
    ' ',
  ),
)
/** Whatever Readability lets through, none of these reach the blocks. */
const FORBID_TAGS = ['style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'noscript', 'template', 'svg', 'math', 'script']

/** Text with its declared charset when it names one; otherwise the same detection as a .txt file. */
export function decodeHtml(fileName: string, bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const charset = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase()
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe
  if (charset && !hasBom && /^(?:windows-1252|cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/.test(charset)) {
    return decodeWindows1252(bytes)
  }
  // A page that says utf-16 without a BOM is read as UTF-8, as browsers do.
  if (charset && !hasBom && !/^utf-?(?:8|16)/.test(charset)) {
    try {
      const text = new TextDecoder(charset).decode(bytes)
      if (!text.includes('\u0000')) return text
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  return decodeText(fileName, bytes)
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

export async function extractHtml(fileName: string, bytes: Uint8Array, options: HtmlOptions = {}): Promise<ExtractedDocument> {
  const html = decodeHtml(fileName, bytes)
  const window = await quietWindow(html)
  const document = window.document
  const metadata = metadataFromHtml(document, options.baseUrl)
  const { Readability } = await import('@mozilla/readability')
  // Readability rewrites the tree it is given; the original stays intact for the fallback.
  const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse()
  if (options.requireArticle && (article?.textContent?.trim().length ?? 0) < MIN_ARTICLE_CHARS) {
    window.close()
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `Not an article: the page holds no readable text (a log-in wall, a captcha or a page of links). Open it in your browser, save it, and import the file.`,
    )
  }
  let blocks = await htmlToBlocks(article?.content || document.body?.innerHTML || '', window)
  if (!blocks.length && article?.content) blocks = await htmlToBlocks(document.body?.innerHTML ?? '', window)
  const title = cleanMetaText(article?.title)
  // Readability drops the article's own h1 and trims the site name off <title>; the h1 is the fuller text.
  const h1 = cleanMetaText(document.querySelector('h1')?.textContent)
  const heading = h1 && title && (h1.startsWith(title) || h1 === metadata.title) ? h1 : title
  if (heading && blocks.length && blocks[0]!.text !== heading) blocks.unshift({ kind: 'heading', text: heading })
  const byline = cleanMetaText(article?.byline)?.replace(/^by\s+/i, '')
  const fromReadability = mergeMetadata({
    title,
    author: byline && byline.length < 120 ? parseNames(byline.split(/\s+(?:and|&)\s+/)) : undefined,
    'container-title': cleanMetaText(article?.siteName),
    issued: parseDate(article?.publishedTime),
  })
  const pageTitle = cleanMetaText(document.title)
  window.close()
  const record = mergeLabelled(
    labelled(metadata, { kind: 'document', detail: "the page's citation_*, Dublin Core and Open Graph meta tags" }),
    // Readability reads title, byline and date off the page's layout: a guess the analyst should confirm.
    labelled(fromReadability, { kind: 'guessed', detail: "Readability's reading of the page" }),
    labelled({ title: pageTitle }, { kind: 'document', detail: "the page's <title>" }),
  )
  return { format: 'html', mime: 'text/html', blocks, ...record }
}
