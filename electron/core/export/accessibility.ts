import type { SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import { TEXT_FORMAT_ITALIC } from '../../shared/dto/brief-nodes'
import type { AccessibilityItem } from '../../shared/dto/citations'
import { plainText, walk } from '../briefs/nodes'
import { isHeaderCell, isHeaderRow } from './docx/tables'

/** GOV.UK's plain-English guidance: keep sentences to 25 words or fewer. */
export const LONG_SENTENCE_WORDS = 25

/** Link text that says nothing out of context (GOV.UK: "do not use 'click here'"). */
const VAGUE_LINK_TEXT = /^(click here|click|here|this|this link|link|read more|more|more info(rmation)?|learn more|find out more|see here|go|this page|website)$/i
const BARE_ADDRESS = /^(https?:\/\/|www\.)\S+$/i

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text)

function headingLevel(node: SerializedLexicalNode): number | null {
  return node.type === 'heading' && typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? Number(node.tag[1]) : null
}

function isItalic(node: SerializedLexicalNode): boolean {
  return node.type === 'text' && typeof node.format === 'number' && (node.format & TEXT_FORMAT_ITALIC) !== 0
}

/** The sentences of a block's text, roughly: split after . ! ? followed by a space and a capital or a quote. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?][”’"')\]]?)\s+(?=[“‘"'(A-Z0-9])/).map((s) => s.trim()).filter(Boolean)
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

/**
 * The brief checked against GOV.UK's accessible-document rules that its text can break: headings in order,
 * link text that makes sense on its own, alt text on every figure, no italics for emphasis, no very long sentences. Each item names the
 * top-level block it is in (`block`, an index into the document's children) so the editor can go there.
 * Only the analyst's own prose is checked: the notes and references the citation style prints are the
 * style's, and not in the brief's text.
 */
export function checkAccessibility(root: SerializedLexicalNode): AccessibilityItem[] {
  const items: AccessibilityItem[] = []
  let previousLevel = 0
  let titles = 0
  ;(root.children ?? []).forEach((block, index) => {
    const level = headingLevel(block)
    if (level !== null) {
      const text = plainText(block).trim()
      if (level === 1) titles++
      if (!text) items.push({ rule: 'empty-heading', severity: 'error', block: index, message: `A heading (level ${level}) has no words: give it a title or make it a paragraph.` })
      else if (level === 1 && titles > 1) items.push({ rule: 'heading-order', severity: 'error', block: index, excerpt: clip(text), message: 'A document has one title: make this heading a section heading (H2).' })
      else if (previousLevel === 0 && level !== 1) items.push({ rule: 'heading-order', severity: 'error', block: index, excerpt: clip(text), message: `The document starts with a level ${level} heading: start with the title.` })
      else if (previousLevel > 0 && level > previousLevel + 1) {
        items.push({ rule: 'heading-order', severity: 'error', block: index, excerpt: clip(text), message: `A level ${level} heading follows a level ${previousLevel} one: heading levels go down one at a time.` })
      }
      previousLevel = level
    }
    for (const node of walk(block)) {
      if (node.type === 'figure' && !(typeof node.altText === 'string' && node.altText.trim())) {
        const caption = typeof node.caption === 'string' ? node.caption.trim() : ''
        items.push({ rule: 'figure-alt', severity: 'error', block: index, ...(caption ? { excerpt: clip(caption) } : {}), message: 'A figure has no alt text: describe what the picture shows (Edit figure…), for readers who cannot see it.' })
      }
      if (node.type === 'link' || node.type === 'autolink') {
        const text = plainText(node).trim()
        if (VAGUE_LINK_TEXT.test(text)) {
          items.push({ rule: 'link-text', severity: 'error', block: index, excerpt: text, message: `The link text “${text}” does not say where it leads: use words that name the page.` })
        } else if (BARE_ADDRESS.test(text)) {
          items.push({ rule: 'link-text', severity: 'error', block: index, excerpt: clip(text), message: 'A bare web address as link text is read out character by character: use words that name the page.' })
        }
      }
    }
    if (block.type === 'table') items.push(...tableProblems(block, index))
    if (level !== null || block.type === 'references') return
    const italic = [...walk(block)].filter(isItalic).map((n) => (n.text ?? '').trim()).filter(Boolean)
    if (italic.length) {
      items.push({ rule: 'italic-emphasis', severity: 'warning', block: index, excerpt: clip(italic.join(' … ')), message: 'Italics are hard to read: use bold for emphasis, or none.' })
    }
    // A table's cells are read one by one: their words run together in plainText.
    const prose = block.type === 'table' ? [...walk(block)].filter((n) => n.type === 'tablecell').map(plainText) : [plainText(block)]
    for (const sentence of prose.flatMap(sentences)) {
      const n = words(sentence)
      if (n > LONG_SENTENCE_WORDS) {
        items.push({ rule: 'long-sentence', severity: 'warning', block: index, excerpt: clip(sentence), message: `A sentence of ${n} words: GOV.UK asks for ${LONG_SENTENCE_WORDS} or fewer.` })
      }
    }
  })
  return items
}

/** GOV.UK: a table needs a header row, and no header cell may be merged across columns or rows. */
function tableProblems(table: SerializedLexicalNode, index: number): AccessibilityItem[] {
  const first = (table.children ?? [])[0]
  const excerpt = first ? clip((first.children ?? []).map(plainText).join(' | ')) : undefined
  if (!first || !isHeaderRow(first)) {
    return [{ rule: 'table-header', severity: 'error', block: index, ...(excerpt ? { excerpt } : {}), message: 'A table has no header row: make its first row the header row (Header row, in the table tools).' }]
  }
  const merged = (first.children ?? []).some((c) => isHeaderCell(c) && ((typeof c.colSpan === 'number' && c.colSpan > 1) || (typeof c.rowSpan === 'number' && c.rowSpan > 1)))
  return merged ? [{ rule: 'merged-header', severity: 'error', block: index, ...(excerpt ? { excerpt } : {}), message: 'A header cell is merged across columns or rows: give each column its own header cell.' }] : []
}

export function accessibilityErrors(items: readonly AccessibilityItem[]): AccessibilityItem[] {
  return items.filter((i) => i.severity === 'error')
}

/** The NOT_ACCESSIBLE message: every error, one line each. */
export function describeAccessibilityErrors(items: readonly AccessibilityItem[]): string {
  const errors = accessibilityErrors(items)
  const lines = errors.slice(0, 20).map((i) => `• ${i.message}${i.excerpt && !i.message.includes(i.excerpt) ? ` (“${i.excerpt}”)` : ''}`)
  if (errors.length > 20) lines.push(`• …and ${errors.length - 20} more.`)
  const what = errors.length === 1 ? '1 accessibility problem' : `${errors.length} accessibility problems`
  return `The brief has ${what} that GOV.UK's rules for published documents do not allow, so it was not exported. Fix them, or export anyway.\n${lines.join('\n')}`
}
