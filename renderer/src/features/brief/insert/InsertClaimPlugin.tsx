import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodeToNearestRoot } from '@lexical/utils'
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { $createCitationNode, CitationNode } from '../nodes/CitationNode'
import { $createEvidenceQuoteNode, EvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import { requireNodes } from '../nodes/require-nodes'
import { $isReferencesNode } from '../nodes/ReferencesNode'
import { $restoreSelection, type SavedRange } from './saved-selection'

export interface InsertClaimPayload {
  snapshot: CitationSnapshot
  /** An inline citation, or the quote as its own block. */
  as: 'citation' | 'quote'
  /** Where the analyst dropped or opened the picker; the current selection when absent or gone. */
  at?: SavedRange | null
}

export const INSERT_CLAIM_COMMAND: LexicalCommand<InsertClaimPayload> = createCommand('INSERT_CLAIM_COMMAND')

/** With no caret, cite at the end of the last block before the generated References. */
function $selectFallbackPlace(): void {
  const blocks = $getRoot().getChildren()
  const references = blocks.findIndex($isReferencesNode)
  const before = references >= 0 ? blocks.slice(0, Math.max(0, references - 1)) : blocks
  const last = before[before.length - 1]
  if ($isElementNode(last)) last.selectEnd()
  else if (last) last.selectNext()
  else $getRoot().append($createParagraphNode()).selectEnd()
}

/** Owns INSERT_CLAIM_COMMAND: every route (drop, picker, evidence pane) inserts claims through it. */
export function InsertClaimPlugin() {
  const [editor] = useLexicalComposerContext()
  requireNodes(editor, 'InsertClaimPlugin', [CitationNode, EvidenceQuoteNode])
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_CLAIM_COMMAND,
        ({ snapshot, as, at }) => {
          if (!editor.isEditable()) return false
          if (!$restoreSelection(at ?? null) && !$isRangeSelection($getSelection())) $selectFallbackPlace()
          if (as === 'quote') {
            const node = $insertNodeToNearestRoot($createEvidenceQuoteNode(snapshot))
            node.selectNext()
          } else {
            $insertNodes([$createCitationNode(snapshot)])
          }
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )
  return null
}
