import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode, type LexicalNode, type NodeKey, type UpdateListenerPayload } from 'lexical'
import type { CitationSnapshot } from '../../../../../electron/shared/dto/brief-nodes'
import type { FormattedCitations } from '../../../../../electron/shared/dto/citations'
import { $isCitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import type { Numbering, StyleKind } from './citation-store'
import { displayLabel } from './labels'

export interface CitationUse {
  nodeKey: NodeKey
  snapshot: CitationSnapshot
}

/** Citations and evidence quotes in document order (call inside read/update). */
export function $collectCitations(): CitationUse[] {
  const uses: CitationUse[] = []
  const visit = (node: LexicalNode): void => {
    if ($isCitationNode(node) || $isEvidenceQuoteNode(node)) uses.push({ nodeKey: node.getKey(), snapshot: node.getSnapshot() })
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child)
  }
  visit($getRoot())
  return uses
}

/**
 * Whether an update may have added, removed or moved a citation: anything but typing inside existing text.
 * Typing is what happens thousands of times, so it must not walk a brief of thousands of citations.
 */
export function mayChangeCitations({ dirtyElements, dirtyLeaves, editorState }: Pick<UpdateListenerPayload, 'dirtyElements' | 'dirtyLeaves' | 'editorState'>): boolean {
  if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return false
  // setEditorState (undo, redo, a restored revision) marks no leaves at all.
  if (dirtyLeaves.size === 0) return true
  // An element marked dirty on purpose (not just as the parent of edited text) had children added, removed or
  // moved. Not the root: Lexical rewrites it after every text change to cache the text, and a block added to,
  // removed from or moved in the root marks that block or its neighbours too.
  for (const [key, intentional] of dirtyElements) if (intentional && key !== 'root') return true
  return editorState.read(() => {
    for (const key of dirtyLeaves) if (!$isTextNode($getNodeByKey(key))) return true
    return false
  })
}

/** Changes only when the citations or their order change, so typing plain text never re-runs the style. */
export function citationSignature(uses: CitationUse[]): string {
  return uses.map((u) => `${u.nodeKey}:${u.snapshot.claimId}`).join('|')
}

/** What a citation of a deleted claim reads: the style is not asked about it. */
export const DELETED_LABEL = '?'

function sourceKey(s: CitationSnapshot): string {
  return s.sourceId ?? `claim:${s.claimId}`
}

function shortOf(s: CitationSnapshot): string {
  return s.shortCitation || s.sourceTitle || 'Unknown source'
}

/**
 * What the brief shows when the style cannot be run: numbers in order of first appearance per source
 * (what Vancouver does) or "(Author Year)" for author-date styles, and short citations as the references.
 * Citations of claims known to be deleted read "?" and take no number, as the style leaves them out.
 */
export function fallbackNumbering(uses: CitationUse[], kind: StyleKind, isDeleted: (use: CitationUse) => boolean = () => false): Numbering {
  const numbers = new Map<string, number>()
  const references: Numbering['references'] = []
  const labels = new Map<NodeKey, string>()
  for (const use of uses) {
    if (isDeleted(use)) {
      labels.set(use.nodeKey, DELETED_LABEL)
      continue
    }
    const key = sourceKey(use.snapshot)
    if (!numbers.has(key)) {
      numbers.set(key, numbers.size + 1)
      const title = use.snapshot.sourceTitle && use.snapshot.sourceTitle !== use.snapshot.shortCitation ? `. ${use.snapshot.sourceTitle}` : ''
      references.push({ sourceId: key, text: `${shortOf(use.snapshot)}${title}` })
    }
    labels.set(use.nodeKey, kind === 'numeric' ? String(numbers.get(key)) : `(${shortOf(use.snapshot)})`)
  }
  if (kind !== 'numeric') references.sort((a, b) => a.text.localeCompare(b.text))
  return { labels, references, kind, fallback: true }
}

/** Maps the style's labels (one per requested claim id, in order) back onto the nodes that asked. */
export function numberingFromFormat(uses: CitationUse[], result: FormattedCitations): Numbering | null {
  if (result.labels.length !== uses.length) return null
  const labels = new Map<NodeKey, string>()
  uses.forEach((use, i) => labels.set(use.nodeKey, result.labels[i] ?? ''))
  return { labels, references: result.references, kind: result.kind, fallback: false }
}

/**
 * Whether the style numbered these citations as the stand-in does, by first appearance per source. Vancouver
 * does; a numeric style that numbers its reference list alphabetically would not, and then the stand-in's
 * numbers must not be shown in its place.
 */
export function numbersByFirstAppearance(uses: CitationUse[], styled: Numbering): boolean {
  const shown = (label: string | undefined) => displayLabel(label, 'numeric')
  const local = fallbackNumbering(uses, 'numeric', (use) => shown(styled.labels.get(use.nodeKey)) === DELETED_LABEL)
  return uses.every((use) => shown(styled.labels.get(use.nodeKey)) === local.labels.get(use.nodeKey))
}

/**
 * What to show between an edit and the style's answer (about half a second for thousands of citations).
 * Numbers by first appearance when they are known to be the style's own, so renumbering shows at once;
 * otherwise the style's previous labels, and nothing yet ("…") for a new citation: an author-date label
 * (or a number of a style that orders otherwise) must come from the style, not from a guess.
 */
export function interimNumbering(uses: CitationUse[], local: Numbering, previous: Numbering, localIsExact: boolean): Numbering {
  const styled = !previous.fallback && previous.labels.size > 0 && previous.kind === local.kind
  // Nothing from the style yet (the brief just opened): the stand-in, marked as such.
  if (!styled) return local
  const labels = new Map<NodeKey, string>()
  for (const use of uses) {
    const label = localIsExact ? local.labels.get(use.nodeKey) : previous.labels.get(use.nodeKey)
    if (label !== undefined) labels.set(use.nodeKey, label)
  }
  // The reference list keeps the style's form until its answer comes.
  return { labels, references: previous.references, kind: local.kind, fallback: false }
}
