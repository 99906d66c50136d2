import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode, type LexicalNode, type NodeKey, type UpdateListenerPayload } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { CitationChanges, FormattedCitations } from '@shared/dto/citations'
import { clusterSpans } from '@shared/citation-clusters'
import { $isCitationNode, type CitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode, type EvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import type { Numbering, StyleKind } from './citation-store'
import { CLUSTER_MEMBER_LABEL, displayLabel } from './labels'

export interface CitationUse {
  nodeKey: NodeKey
  snapshot: CitationSnapshot
}

/** One citation cluster: side-by-side citations (or one evidence quote), shown as one label on its first node. */
export interface ClusterUse {
  /** The first node's key: the cluster's id while the brief is open, and where its label is painted. */
  id: NodeKey
  uses: CitationUse[]
}

export { CLUSTER_MEMBER_LABEL }

/** The brief's citation clusters in document order, grouped as the export groups them (call inside read/update). */
export function $collectClusters(): ClusterUse[] {
  const clusters: ClusterUse[] = []
  const citationUse = (node: CitationNode | EvidenceQuoteNode): CitationUse => ({ nodeKey: node.getKey(), snapshot: node.getSnapshot() })
  const visit = (node: LexicalNode): void => {
    if ($isEvidenceQuoteNode(node)) {
      clusters.push({ id: node.getKey(), uses: [citationUse(node)] })
      return
    }
    if (!$isElementNode(node)) return
    const children = node.getChildren()
    const spans = clusterSpans(children, $isCitationNode)
    let span = 0
    children.forEach((child, i) => {
      const open = spans[span]
      if (open && i >= open.start && i < open.start + open.size) {
        if (i === open.start) clusters.push({ id: child.getKey(), uses: [] })
        clusters[clusters.length - 1]!.uses.push(citationUse(child as CitationNode))
        if (i === open.start + open.size - 1) span += 1
        return
      }
      visit(child)
    })
  }
  visit($getRoot())
  return clusters
}

/** Citations and evidence quotes in document order (call inside read/update). */
export function $collectCitations(): CitationUse[] {
  return $collectClusters().flatMap((c) => c.uses)
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

/** Changes only when the citations, their clusters or their order change, so typing plain text never re-runs the style. */
export function citationSignature(clusters: ClusterUse[]): string {
  return clusters.map((c) => c.uses.map((u) => `${u.nodeKey}:${u.snapshot.claimId}`).join(',')).join('|')
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
 * (what Vancouver does, sorted within a cluster) or "(Author Year; Author Year)" for author-date styles, and
 * short citations as the references. In note placement every cluster is one note, numbered as Word numbers
 * them. Citations of claims known to be deleted read "?" and take no number, as the style leaves them out.
 */
export function fallbackNumbering(clusters: ClusterUse[], kind: StyleKind, isDeleted: (use: CitationUse) => boolean = () => false): Numbering {
  const numbers = new Map<string, number>()
  const references: Numbering['references'] = []
  const labels = new Map<NodeKey, string>()
  clusters.forEach((cluster, index) => {
    cluster.uses.slice(1).forEach((use) => labels.set(use.nodeKey, CLUSTER_MEMBER_LABEL))
    const live = cluster.uses.filter((use) => !isDeleted(use))
    for (const use of live) {
      const key = sourceKey(use.snapshot)
      if (numbers.has(key)) continue
      numbers.set(key, numbers.size + 1)
      const title = use.snapshot.sourceTitle && use.snapshot.sourceTitle !== use.snapshot.shortCitation ? `. ${use.snapshot.sourceTitle}` : ''
      references.push({ sourceId: key, text: `${shortOf(use.snapshot)}${title}` })
    }
    let label: string
    if (kind === 'note') label = String(index + 1)
    else if (!live.length) label = DELETED_LABEL
    else if (kind === 'numeric') label = [...new Set(live.map((u) => numbers.get(sourceKey(u.snapshot))!))].sort((a, b) => a - b).join(',')
    else label = `(${[...new Set(live.map((u) => shortOf(u.snapshot)))].join('; ')})`
    labels.set(cluster.id, label)
  })
  if (kind !== 'numeric') references.sort((a, b) => a.text.localeCompare(b.text))
  return { labels, references, kind, fallback: true }
}

/** The style's last reply as the editor holds it: what the next request's `since` names. */
export interface StyledReply {
  answer: string
  labels: Map<string, string>
  references: FormattedCitations['references']
}

/**
 * The whole answer for `clusterIds` (the ids requested, in order): a full reply as it came, or the changes laid
 * over the reply they were made since. Null when that is not the reply held (replies crossed): ask again in full.
 */
export function wholeReply(held: StyledReply | null, result: FormattedCitations | CitationChanges, clusterIds: string[]): { reply: FormattedCitations; held: StyledReply } | null {
  let reply: FormattedCitations
  if ('changed' in result) {
    if (!held || held.answer !== result.since) return null
    const changed = new Map(result.changed)
    const labels = clusterIds.map((id) => changed.get(id) ?? held.labels.get(id))
    if (labels.some((l) => l === undefined)) return null
    const { since: _since, changed: _changed, references, ...about } = result
    reply = { ...about, labels: labels as string[], references: references ?? held.references }
  } else reply = result
  if (reply.labels.length !== clusterIds.length) return null
  return { reply, held: { answer: reply.answer, labels: new Map(clusterIds.map((id, i) => [id, reply.labels[i]!])), references: reply.references } }
}

/** Maps the style's labels (one per requested cluster, in order) back onto the clusters' first nodes. */
export function numberingFromFormat(clusters: ClusterUse[], result: FormattedCitations): Numbering | null {
  if (result.labels.length !== clusters.length) return null
  const labels = new Map<NodeKey, string>()
  clusters.forEach((cluster, i) => {
    labels.set(cluster.id, result.labels[i] ?? '')
    cluster.uses.slice(1).forEach((use) => labels.set(use.nodeKey, CLUSTER_MEMBER_LABEL))
  })
  return { labels, references: result.references, kind: result.kind, fallback: false, punctuationInQuote: result.punctuationInQuote }
}

/**
 * Whether the style numbered these clusters as the stand-in does, by first appearance per source. Vancouver
 * does; a numeric style that numbers its reference list alphabetically (or collapses "3–5") would not, and
 * then the stand-in's numbers must not be shown in its place.
 */
export function numbersByFirstAppearance(clusters: ClusterUse[], styled: Numbering): boolean {
  const head = (c: ClusterUse) => displayLabel(styled.labels.get(c.id), 'numeric')
  const deleted = new Set(clusters.filter((c) => head(c) === DELETED_LABEL).flatMap((c) => c.uses))
  const local = fallbackNumbering(clusters, 'numeric', (use) => deleted.has(use))
  return clusters.every((c) => head(c) === local.labels.get(c.id))
}

/**
 * What to show between an edit and the style's answer. Numbers by first appearance when they are known to be
 * the style's own (and note numbers always), so renumbering shows at once; otherwise the style's previous
 * labels, and nothing yet ("…") for a new cluster: an author-date label must come from the style.
 */
export function interimNumbering(clusters: ClusterUse[], local: Numbering, previous: Numbering, localIsExact: boolean): Numbering {
  const styled = !previous.fallback && previous.labels.size > 0 && previous.kind === local.kind
  // Nothing from the style yet (the brief just opened): the stand-in, marked as such.
  if (!styled) return local
  const labels = new Map<NodeKey, string>()
  for (const cluster of clusters) {
    for (const use of cluster.uses) {
      const label = localIsExact ? local.labels.get(use.nodeKey) : previous.labels.get(use.nodeKey)
      if (label !== undefined) labels.set(use.nodeKey, label)
    }
  }
  // The reference list keeps the style's form until its answer comes.
  return { labels, references: previous.references, kind: local.kind, fallback: false, ...(previous.punctuationInQuote !== undefined ? { punctuationInQuote: previous.punctuationInQuote } : {}) }
}
