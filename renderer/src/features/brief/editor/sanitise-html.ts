import { CLAIM_SNAPSHOT_ATTRIBUTE, snapshotFromElement } from '../nodes/ClaimNode'
import { isSafeLinkUrl } from './link'
import { fitsBrief, ownCells, ownRows, tableSize, type PastedTable } from './paste-tables'

/** Elements dropped with everything inside them: active content, media, and document furniture. */
const DROP = new Set([
  'script', 'style', 'img', 'picture', 'svg', 'canvas', 'video', 'audio', 'iframe', 'object', 'embed', 'link', 'meta',
  'noscript', 'template', 'head', 'title', 'form', 'input', 'button', 'select', 'textarea', 'map', 'math', 'o:p',
])
const RENAME: Record<string, string> = {
  p: 'p', h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4', blockquote: 'blockquote',
  ul: 'ul', ol: 'ol', li: 'li', strong: 'strong', b: 'strong', em: 'em', i: 'em', br: 'br',
}
/** Containers that become a paragraph of their own when they hold only inline content. */
const BLOCKISH = new Set(['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'tr', 'dt', 'dd', 'pre', 'figure', 'figcaption', 'caption'])
const BLOCK_SELECTOR = 'p,div,h1,h2,h3,h4,h5,h6,ul,ol,li,blockquote,table,tr,section,article,pre'

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '')
}

/** Bold and italic survive even when a page (Google Docs, Word) expresses them as inline styles. */
function styledTag(el: Element): string | null {
  const style = styleOf(el)
  if (/font-weight:(bold|[6-9]00)/.test(style)) return 'strong'
  if (style.includes('font-style:italic')) return 'em'
  return null
}

/**
 * A citation or evidence quote copied from a brief (its HTML, when Lexical's own clipboard format did not come
 * along) keeps its claim: only the snapshot survives, read and written back through readSnapshot's rules, with
 * the element's text, so nothing else of the pasted element is carried over.
 */
function claimElement(el: Element, tag: string, out: Node, doc: Document): boolean {
  if ((tag !== 'span' && tag !== 'blockquote') || !el.hasAttribute(CLAIM_SNAPSHOT_ATTRIBUTE)) return false
  const snapshot = snapshotFromElement(el as HTMLElement)
  if (!snapshot) return false
  const copy = doc.createElement(tag)
  copy.setAttribute('data-claim-id', snapshot.claimId)
  copy.setAttribute(CLAIM_SNAPSHOT_ATTRIBUTE, JSON.stringify(snapshot))
  copy.textContent = el.textContent ?? ''
  out.appendChild(copy)
  return true
}

/** What one paste met on the way: each table and whether it stayed a table; whether it is inside a kept table's cell. */
interface PasteContext {
  tables: PastedTable[]
  inTable: boolean
}

/** A table the brief can hold, rebuilt as bare rows and cells (th stays a header cell); no attributes, no merges. */
function keptTable(el: Element, out: Node, doc: Document, ctx: PasteContext): void {
  const table = doc.createElement('table')
  out.appendChild(table)
  for (const row of ownRows(el)) {
    const tr = doc.createElement('tr')
    table.appendChild(tr)
    for (const cell of ownCells(row)) {
      const copy = doc.createElement(cell.tagName === 'TH' ? 'th' : 'td')
      tr.appendChild(copy)
      clean(cell, copy, doc, { ...ctx, inTable: true })
    }
  }
}

function clean(source: Node, out: Node, doc: Document, ctx: PasteContext): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === 3) {
      out.appendChild(doc.createTextNode(child.textContent ?? ''))
      continue
    }
    if (child.nodeType !== 1) continue // comments (Word's conditional ones), processing instructions
    const el = child as Element
    const tag = el.tagName.toLowerCase()
    if (DROP.has(tag) || styleOf(el).includes('mso-list:ignore')) continue
    if (claimElement(el, tag, out, doc)) continue
    if (tag === 'table') {
      const size = tableSize(el)
      const kept = !ctx.inTable && fitsBrief(size)
      ctx.tables.push({ ...size, kept })
      if (kept) keptTable(el, out, doc, ctx)
      // Too large, or inside another table's cell: its rows become paragraphs, as below.
      else clean(el, out, doc, ctx)
      continue
    }
    let target: string | null = RENAME[tag] ?? null
    // Google Docs wraps a whole paste in <b style="font-weight:normal">: that is not bold.
    if (target === 'strong' && /font-weight:(normal|[1-4]00)/.test(styleOf(el))) target = null
    if (tag === 'span' || tag === 'font') target = styledTag(el)
    if (BLOCKISH.has(tag)) target = el.querySelector(BLOCK_SELECTOR) ? null : 'p'
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? ''
      if (isSafeLinkUrl(href)) {
        const a = doc.createElement('a')
        a.setAttribute('href', href.trim())
        out.appendChild(a)
        clean(el, a, doc, ctx)
      } else clean(el, out, doc, ctx)
      continue
    }
    if (tag === 'td' || tag === 'th') {
      clean(el, out, doc, ctx)
      out.appendChild(doc.createTextNode(' '))
      continue
    }
    if (!target) {
      clean(el, out, doc, ctx)
      continue
    }
    // No attributes are carried over: no classes, styles, ids or event handlers.
    const copy = doc.createElement(target)
    out.appendChild(copy)
    if (target !== 'br') clean(el, copy, doc, ctx)
  }
}

/**
 * Rebuilds pasted HTML from an allowlist: the brief's own formatting (paragraphs, section headings, bold,
 * italic, lists, quotes, safe links) and nothing else. Parsing with DOMParser runs no scripts and loads no
 * images, and the rebuilt document carries no attributes but a checked href.
 */
export function sanitiseHtml(html: string): Document {
  return sanitisePaste(html).doc
}

/** As sanitiseHtml, with the tables the paste held and whether each stayed a table. */
export function sanitisePaste(html: string): { doc: Document; tables: PastedTable[] } {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const doc = document.implementation.createHTMLDocument('')
  const ctx: PasteContext = { tables: [], inTable: false }
  clean(parsed.body, doc.body, doc, ctx)
  return { doc, tables: ctx.tables }
}
