import type { SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import type { LeftOutItem } from '../../shared/dto/citations'
import { isTemplatePrompt } from '../../shared/dto/template-prompts'
import { plainText } from '../briefs/nodes'

const HEADING_LEVEL: Record<string, number> = { h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

const INLINE_WORDS = new Set(['text', 'linebreak', 'tab'])

/** A paragraph holding only words (no citation, link or picture) whose words are blank or a template's prompt. */
function isPlaceholder(node: SerializedLexicalNode): boolean {
  return node.type === 'paragraph' && isTemplatePrompt(plainText(node)) && (node.children ?? []).every((c) => INLINE_WORDS.has(c.type))
}

function isBlank(node: SerializedLexicalNode): boolean {
  return node.type === 'paragraph' && !plainText(node).trim() && (node.children ?? []).every((c) => INLINE_WORDS.has(c.type))
}

export interface Trimmed {
  /** The brief's root as the .docx is built from it. */
  root: SerializedLexicalNode
  leftOut: LeftOutItem[]
}

/**
 * What the export leaves out of the brief: a template's heading whose section (down to the next heading of
 * its level or above) holds nothing but blank paragraphs and prompts, with its sub-headings, and any paragraph
 * still reading as the template's prompt. The check lists each, by its top-level block, so the editor can go
 * there; the brief itself is not changed. The title (h1) always stays.
 */
export function leaveOutEmpty(root: SerializedLexicalNode): Trimmed {
  const blocks = root.children ?? []
  const drop = new Set<number>()
  const leftOut: LeftOutItem[] = []
  for (let i = 0; i < blocks.length; i++) {
    const level = blocks[i]!.type === 'heading' ? HEADING_LEVEL[blocks[i]!.tag ?? ''] : undefined
    if (level === undefined || drop.has(i)) continue
    let end = i + 1
    while (end < blocks.length && !(blocks[end]!.type === 'heading' && (HEADING_LEVEL[blocks[end]!.tag ?? ''] ?? 1) <= level)) end++
    const body = blocks.slice(i + 1, end)
    if (!body.every((b) => (b.type === 'heading' && b.tag !== 'h1') || isBlank(b) || isPlaceholder(b))) continue
    for (let j = i; j < end; j++) drop.add(j)
    leftOut.push({ kind: 'empty-section', title: plainText(blocks[i]!).trim() || 'Untitled heading', block: i })
  }
  let section = ''
  blocks.forEach((block, i) => {
    if (block.type === 'heading') section = plainText(block).trim()
    if (!drop.has(i) && isPlaceholder(block)) {
      drop.add(i)
      leftOut.push({ kind: 'placeholder', title: section, block: i })
    }
  })
  if (!drop.size) return { root, leftOut }
  leftOut.sort((a, b) => a.block - b.block)
  return { root: { ...root, children: blocks.filter((_, i) => !drop.has(i)) }, leftOut }
}
