import { $isHeadingNode } from '@lexical/rich-text'
import { $getRoot, $isParagraphNode, type NodeKey } from 'lexical'
import { $sectionRole } from '../nodes/section-role'

/**
 * The numbers the export gives the brief's blocks with numbered paragraphs on (export/docx/house-layout.ts
 * says the same in Word): each section heading 1., 2., each non-empty paragraph of it 1.1, 1.2; nothing
 * before the first section, in References, or inside lists and tables. Call inside read.
 */
export function $paragraphNumbers(): Map<NodeKey, string> {
  const numbers = new Map<NodeKey, string>()
  let section = 0
  let paragraph = 0
  let numbering = false
  for (const block of $getRoot().getChildren()) {
    if ($isHeadingNode(block) && block.getTag() === 'h1') numbering = false
    else if ($isHeadingNode(block) && block.getTag() === 'h2') {
      numbering = $sectionRole(block) !== 'references'
      if (!numbering) continue
      section++
      paragraph = 0
      numbers.set(block.getKey(), `${section}.`)
    } else if (numbering && $isParagraphNode(block) && block.getChildrenSize() > 0) numbers.set(block.getKey(), `${section}.${++paragraph}`)
  }
  return numbers
}
