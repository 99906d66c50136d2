import { $exportNodeJSON, $getRoot, $isElementNode, type EditorState, type LexicalNode, type NodeKey } from 'lexical'
import { SERIALIZED_BRIEF_VERSION } from '@shared/dto/briefs'
import { BlockCache, type BriefChange } from '../model/block-cache'

function exportTree(node: LexicalNode): unknown {
  const json = $exportNodeJSON(node) as { children?: unknown[] }
  if ($isElementNode(node) && json.children) for (const child of node.getChildren()) json.children.push(exportTree(child))
  return json
}

/**
 * The saved form of a brief, re-serialised only where it changed. A 60-page brief is ~1.4 MB of JSON; typing
 * changes one paragraph, so each top-level block keeps its JSON text and only blocks Lexical marks dirty are
 * serialised again (a keystroke: one block, well under a millisecond, instead of the whole brief). The result
 * is byte-for-byte `JSON.stringify` of the serialized brief (a test holds it to that), so the core stores what
 * the editor would have written before.
 */
export class BlockJsonCache {
  private blocks = new BlockCache<string>()

  /** Forget what a change touched: the top-level block of every dirty node, or everything if unsure. */
  invalidate(change: BriefChange): void {
    this.blocks.invalidate(change)
  }

  /** Serialises up to `budgetMs` of uncached blocks (for idle time), returning whether all are cached. */
  warm(state: EditorState, budgetMs: number): boolean {
    const until = performance.now() + budgetMs
    return state.read(() => {
      for (const block of $getRoot().getChildren()) {
        if (performance.now() >= until) return false
        this.blockJson(block)
      }
      return true
    })
  }

  /** The whole brief as the JSON text `briefs.save` takes. */
  serialize(state: EditorState): string {
    return state.read(() => {
      const root = $getRoot()
      const { children: _children, ...rest } = $exportNodeJSON(root) as { children?: unknown[] }
      const blocks = root.getChildren()
      const kept = new Set<NodeKey>()
      const parts: string[] = []
      for (const block of blocks) {
        kept.add(block.getKey())
        parts.push(this.blockJson(block))
      }
      this.blocks.keepOnly(kept)
      const restJson = JSON.stringify(rest)
      const head = `{"format":"evident-brief","version":${SERIALIZED_BRIEF_VERSION},"editorState":{"root":{"children":[`
      const tail = `]${restJson === '{}' ? '}' : `,${restJson.slice(1)}`}}}`
      // One join, head and tail included: its result is one flat string. Concatenating around a 1.4 MB join
      // makes a rope that the first comparison or copy flattens, a second 1.4 MB copy on the page's thread.
      if (parts.length === 0) return head + tail
      parts[0] = head + parts[0]
      parts[parts.length - 1] += tail
      return parts.join(',')
    })
  }

  private blockJson(block: LexicalNode): string {
    return this.blocks.$get(block, (b) => JSON.stringify(exportTree(b)))
  }
}
