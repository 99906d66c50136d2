import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  TextNode,
  type BaseSelection,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical'
import { placePunctuation, type CitationPlacement } from '@shared/citation-punctuation'
import { $isCitationNode, CitationNode } from '../nodes/CitationNode'
import { $clusterMembers } from './cluster-edit'
import { $collectClusters } from './numbering'

/** Where the style puts a sentence's punctuation around a citation cluster (the export's rule). */
export interface PunctuationRule {
  placement: CitationPlacement
  punctuationInQuote: boolean
}

/** Only plain text moves its marks, as in the export (a link or a line break beside a cluster keeps its own). */
function isPlainText(node: LexicalNode | null): node is TextNode {
  return $isTextNode(node) && node.getType() === 'text'
}

function points(selection: BaseSelection | null): PointType[] {
  return $isRangeSelection(selection) ? [selection.anchor, selection.focus] : []
}

/**
 * Moves the sentence's punctuation either side of the cluster `citation` stands in to where the export puts it
 * (shared/citation-punctuation.ts, the one rule), keeping the caret with the words it was beside: a caret
 * just after the cluster stays after the moved mark, so typing goes on after "(Jones, 2014).".
 */
export function $placeAroundCluster(citation: CitationNode, rule: PunctuationRule): void {
  const members = $clusterMembers(citation.getKey())
  const first = members[0] ?? citation
  const last = members.at(-1) ?? citation
  const prev = first.getPreviousSibling()
  const next = last.getNextSibling()
  const before = isPlainText(prev) ? prev : null
  const after = isPlainText(next) ? next : null
  const beforeText = before?.getTextContent() ?? ''
  const afterText = after?.getTextContent() ?? ''
  const placed = placePunctuation(beforeText, afterText, rule.placement, rule.punctuationInQuote)
  if (placed.before === beforeText && placed.after === afterText) return
  const caret = points($getSelection())
  if (before && placed.before !== beforeText) {
    before.setTextContent(placed.before)
    for (const p of caret) if (p.key === before.getKey() && p.offset > placed.before.length) p.offset = placed.before.length
  }
  if (after && placed.after !== afterText) {
    after.setTextContent(placed.after)
    const delta = placed.after.length - afterText.length
    for (const p of caret) if (p.key === after.getKey()) p.offset = Math.max(0, Math.min(placed.after.length, p.offset + delta))
  }
  if (!after && placed.after) {
    // The paragraph ends with the cluster: the moved mark gets a text of its own after it.
    const parent = last.getParent()
    const index = last.getIndexWithinParent() + 1
    const mark = $createTextNode(placed.after)
    if (before) mark.setFormat(before.getFormat())
    last.insertAfter(mark)
    for (const p of caret) if (parent && p.type === 'element' && p.key === parent.getKey() && p.offset === index) p.set(mark.getKey(), placed.after.length, 'text')
  }
}

/** Every inline cluster of the brief, once (when it opens, and when its style's placement changes). */
export function $placeAllPunctuation(rule: PunctuationRule): void {
  for (const cluster of $collectClusters()) {
    const node = $getNodeByKey(cluster.id)
    if ($isCitationNode(node)) $placeAroundCluster(node, rule)
  }
}

/**
 * Keeps the brief's punctuation where the export puts it while the analyst writes: a citation inserted after
 * a full stop in Harvard takes the stop after it; a full stop typed after a note mark goes before it.
 * Transforms run only on the nodes an update touched, so typing away from citations costs nothing here.
 */
export function registerCitationPunctuation(editor: LexicalEditor, rule: () => PunctuationRule): () => void {
  const stopCitation = editor.registerNodeTransform(CitationNode, (node) => {
    if (!editor.isComposing()) $placeAroundCluster(node, rule())
  })
  const stopText = editor.registerNodeTransform(TextNode, (node) => {
    if (editor.isComposing() || !isPlainText(node)) return
    const prev = node.getPreviousSibling()
    const next = node.getNextSibling()
    if ($isCitationNode(prev)) $placeAroundCluster(prev, rule())
    if ($isCitationNode(next) && next.isAttached()) $placeAroundCluster(next, rule())
  })
  return () => {
    stopCitation()
    stopText()
  }
}
