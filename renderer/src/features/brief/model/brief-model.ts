import { $isHeadingNode } from '@lexical/rich-text'
import { $isListNode } from '@lexical/list'
import { $getRoot, $isElementNode, $isTextNode, type LexicalNode, type NodeKey } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { SectionRole } from '@shared/dto/section-roles'
import { WORDS_PER_PAGE } from '@shared/dto/brief-layout'
import { $isCitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import { $sectionRole } from '../nodes/section-role'
import { BlockCache } from './block-cache'

export interface CitationRef {
  nodeKey: NodeKey
  snapshot: CitationSnapshot
}

/** A paragraph-like unit the evidence pane can point at (a paragraph, a list item, a quote). */
export interface TextBlock {
  key: NodeKey
  text: string
  citations: CitationRef[]
}

export interface Part {
  key: NodeKey
  title: string
  words: number
  citations: CitationRef[]
  blocks: TextBlock[]
}

export interface Section extends Part {
  /** What the section is for, from its template; kept when it is renamed. Null for one the analyst added. */
  role: SectionRole | null
  /** h3 sub-sections (the options, under Options). */
  children: Part[]
}

export interface BriefModel {
  title: string
  totalWords: number
  sections: Section[]
  citations: (CitationRef & { sectionKey: NodeKey | null; partKey: NodeKey | null })[]
}

export const EMPTY_MODEL: BriefModel = { title: '', totalWords: 0, sections: [], citations: [] }

/** About 500 words an A4 page (shared/dto/brief-layout.ts says why): the outline's estimates and the target agree. */
export { WORDS_PER_PAGE }

/** "about 2.5 pages", to the nearest tenth under ten pages, whole pages above. */
export function estimatedPages(words: number): string {
  const pages = words / WORDS_PER_PAGE
  const shown = pages < 10 ? Math.round(pages * 10) / 10 : Math.round(pages)
  return `about ${shown.toLocaleString('en-GB')} page${shown === 1 ? '' : 's'}`
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function $wordsIn(node: LexicalNode): number {
  if ($isTextNode(node)) return countWords(node.getTextContent())
  if (!$isElementNode(node)) return 0
  let words = 0
  for (const child of node.getChildren()) words += $wordsIn(child)
  return words
}

function $citationsIn(node: LexicalNode, into: CitationRef[] = []): CitationRef[] {
  if ($isCitationNode(node) || $isEvidenceQuoteNode(node)) into.push({ nodeKey: node.getKey(), snapshot: node.getSnapshot() })
  else if ($isElementNode(node)) for (const child of node.getChildren()) $citationsIn(child, into)
  return into
}

/** Paragraphs, list items and quotes: what "a paragraph without a citation" is counted over. */
function $textBlocks(node: LexicalNode): TextBlock[] {
  if ($isListNode(node)) return node.getChildren().flatMap((item) => ($isElementNode(item) ? $textBlocks(item) : []))
  if ($isEvidenceQuoteNode(node)) return [{ key: node.getKey(), text: node.getSnapshot().quote, citations: $citationsIn(node) }]
  if (!$isElementNode(node) || $isHeadingNode(node)) return []
  return [{ key: node.getKey(), text: node.getTextContent(), citations: $citationsIn(node) }]
}

/** What the model needs of one top-level block, worked out once per version of the block. */
interface BlockFacts {
  words: number
  heading: string | null
  /** A heading's text, trimmed. */
  title: string
  role: SectionRole | null
  citations: CitationRef[]
  blocks: TextBlock[]
}

function $factsOf(block: LexicalNode): BlockFacts {
  const heading = $isHeadingNode(block) ? block.getTag() : null
  return {
    words: $wordsIn(block),
    heading,
    title: heading ? block.getTextContent().trim() : '',
    role: heading === 'h2' ? $sectionRole(block) : null,
    citations: $citationsIn(block),
    blocks: $textBlocks(block),
  }
}

/**
 * The brief's structure as plain data (call inside read): sections (h2) with their sub-sections (h3),
 * words, citations and text blocks — what the outline and the evidence pane show. With a cache, only the
 * blocks changed since the last read are walked (a 2,000-citation brief is ~5 ms to walk whole).
 */
export function $readBriefModel(cache?: BlockCache<BlockFacts>): BriefModel {
  const model: BriefModel = { title: '', totalWords: 0, sections: [], citations: [] }
  let section: Section | null = null
  let part: Part | null = null
  const kept = new Set<NodeKey>()
  for (const block of $getRoot().getChildren()) {
    const facts = cache ? cache.$get(block, $factsOf) : $factsOf(block)
    const key = block.getKey()
    kept.add(key)
    model.totalWords += facts.words
    if (facts.heading === 'h1') {
      model.title ||= facts.title
      continue
    }
    if (facts.heading === 'h2') {
      section = { key, title: facts.title, words: 0, citations: [], blocks: [], role: facts.role, children: [] }
      part = null
      model.sections.push(section)
      continue
    }
    if (section && facts.heading === 'h3') {
      part = { key, title: facts.title, words: 0, citations: [], blocks: [] }
      section.children.push(part)
      continue
    }
    for (const target of [section, part]) {
      if (!target) continue
      target.words += facts.words
      target.citations.push(...facts.citations)
      target.blocks.push(...facts.blocks)
    }
    for (const c of facts.citations) model.citations.push({ ...c, sectionKey: section?.key ?? null, partKey: part?.key ?? null })
  }
  cache?.keepOnly(kept)
  return model
}

/** A cache for $readBriefModel, kept by whoever re-reads the model after each change. */
export function briefModelCache(): BlockCache<BlockFacts> {
  return new BlockCache<BlockFacts>()
}
