import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table'
import { MarkNode } from '@lexical/mark'
import { CitationNode } from './CitationNode'
import { EvidenceQuoteNode } from './EvidenceQuoteNode'
import { FigureNode } from './FigureNode'
import { ReferencesNode } from './ReferencesNode'

/** Every node a brief may contain: the templates' headings, lists, links and tables, comment marks, and ours. */
export const BRIEF_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  MarkNode,
  CitationNode,
  EvidenceQuoteNode,
  ReferencesNode,
  FigureNode,
]
