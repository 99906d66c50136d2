import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { TablePlugin } from '@lexical/react/LexicalTablePlugin'
import { setScrollableTablesActive } from '@lexical/table'

/**
 * Lexical's TablePlugin as the brief uses it: no merged cells (Word and screen readers read a plain grid best,
 * and the check refuses merged header cells), no cell colours, wide tables scrolled sideways. The scrolling
 * is switched on in a layout effect, before LoadBriefPlugin loads the brief: TablePlugin switching it in its
 * own effect, after, redraws the whole brief once (a full reconcile, ~15 ms for 2,000 citations).
 */
export function TablesPlugin() {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => setScrollableTablesActive(editor, true), [editor])
  return <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
}
