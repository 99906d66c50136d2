import { SERIALIZED_BRIEF_VERSION, type BriefTemplate, type SerializedBrief } from '../../shared/dto/briefs'
import type { SerializedCitationNode, SerializedEvidenceQuoteNode, SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import { plainText, walk } from './nodes'
import { upgradeBrief } from './upgrade'

export type ParsedContent = { ok: true; brief: SerializedBrief } | { ok: false; reason: 'corrupt' | 'newer' }

/**
 * Reads stored brief JSON, telling a damaged document from one written by a newer Evident, and brings an older
 * format up to date (its template says which role each of its sections had).
 */
export function parseStoredBrief(json: string, template: BriefTemplate): ParsedContent {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { ok: false, reason: 'corrupt' }
  }
  const brief = value as Partial<SerializedBrief> | null
  if (!brief || brief.format !== 'evident-brief' || typeof brief.version !== 'number') return { ok: false, reason: 'corrupt' }
  if (brief.version > SERIALIZED_BRIEF_VERSION) return { ok: false, reason: 'newer' }
  const rootNode = (brief.editorState as { root?: SerializedLexicalNode } | undefined)?.root
  if (!rootNode || rootNode.type !== 'root' || !Array.isArray(rootNode.children)) return { ok: false, reason: 'corrupt' }
  return { ok: true, brief: upgradeBrief(brief as SerializedBrief, template) }
}

export function rootOf(brief: SerializedBrief): SerializedLexicalNode {
  return (brief.editorState as { root: SerializedLexicalNode }).root
}

type CitingNode = SerializedCitationNode | SerializedEvidenceQuoteNode

export function isCitingNode(node: SerializedLexicalNode): node is SerializedLexicalNode & CitingNode {
  return (node.type === 'citation' || node.type === 'evidence-quote') && typeof node.claimId === 'string'
}

/** Every citation and evidence quote in document order. */
export function citationsOf(brief: SerializedBrief): CitingNode[] {
  return [...walk(rootOf(brief))].filter(isCitingNode) as unknown as CitingNode[]
}

export function countWords(brief: SerializedBrief): number {
  return measureBrief(brief).words
}

export interface BriefMeasure {
  words: number
  /** Citations and evidence quotes. */
  citations: number
  /** The first h1's text, if the brief has one. */
  title: string | undefined
}

/** What a save records beside the content (words, citations, title), found in one walk. */
export function measureBrief(brief: SerializedBrief): BriefMeasure {
  const measure: BriefMeasure = { words: 0, citations: 0, title: undefined }
  for (const node of walk(rootOf(brief))) {
    if (node.type === 'text') measure.words += (node.text ?? '').split(/\s+/).filter(Boolean).length
    else if (isCitingNode(node)) measure.citations++
  }
  const h1 = rootOf(brief).children?.find((n) => n.type === 'heading' && n.tag === 'h1')
  measure.title = h1 ? plainText(h1).trim() || undefined : undefined
  return measure
}

/** Sections (h2) with the claims cited under each, for the outline and the CLI. */
export function sectionsOf(brief: SerializedBrief): { title: string; claimIds: string[] }[] {
  const sections: { title: string; claimIds: string[] }[] = []
  for (const block of rootOf(brief).children ?? []) {
    if (block.type === 'heading' && block.tag === 'h2') {
      sections.push({ title: plainText(block).trim(), claimIds: [] })
      continue
    }
    const current = sections[sections.length - 1]
    if (!current) continue
    for (const node of walk(block)) if (isCitingNode(node) && !current.claimIds.includes(node.claimId)) current.claimIds.push(node.claimId)
  }
  return sections
}
