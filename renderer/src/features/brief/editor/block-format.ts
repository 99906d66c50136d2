import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list'
import { $setBlocksType } from '@lexical/selection'
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils'
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalEditor, type LexicalNode } from 'lexical'

/** The block kinds the toolbar offers; h1 (the title) and h4 (Benefits/Risks) come from templates. */
export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number'

/** Each name holds the toolbar's glyph where it is a letter or digit (H2, 1.), so speech input can say what it sees. */
export const BLOCK_LABELS: Record<BlockKind, string> = {
  paragraph: 'Paragraph',
  h1: 'Title',
  h2: 'Section heading, H2',
  h3: 'Sub-section heading, H3',
  h4: 'Minor heading',
  quote: 'Block quote',
  bullet: 'Bulleted list',
  number: 'Numbered list: 1, 2, 3',
}

/** What kind of block the caret is in (call inside read/update). */
export function $blockKindAt(node: LexicalNode): BlockKind {
  const list = $getNearestNodeOfType(node, ListNode)
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet'
  const block = $findMatchingParent(node, (n) => {
    const parent = n.getParent()
    return parent !== null && $isRootOrShadowRoot(parent)
  })
  if ($isHeadingNode(block)) return block.getTag() as BlockKind
  if ($isQuoteNode(block)) return 'quote'
  return 'paragraph'
}

/** Turns the selected blocks into the given kind; choosing the current list kind again removes the list. */
export function setBlockKind(editor: LexicalEditor, kind: BlockKind, current: BlockKind): void {
  if (kind === 'bullet' || kind === 'number') {
    if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined)
    return
  }
  editor.update(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return
    if (kind === 'paragraph' || kind === current) $setBlocksType(selection, () => $createParagraphNode())
    else if (kind === 'quote') $setBlocksType(selection, () => $createQuoteNode())
    else $setBlocksType(selection, () => $createHeadingNode(kind))
  })
}
