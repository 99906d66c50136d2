import { $exportNodeJSON, $getNodeByKey, $getRoot, $isElementNode, type EditorState, type LexicalNode, type NodeKey } from 'lexical'
import { SERIALIZED_BRIEF_VERSION } from '@shared/dto/briefs'

/** What Lexical's update listener says changed (the subset of its payload this cache reads). */
export interface BriefChange {
  editorState: EditorState
  dirtyElements: ReadonlyMap<NodeKey, unknown>
  dirtyLeaves: ReadonlySet<NodeKey>
  tags: ReadonlySet<string>
}

/**
 * Whether an update swapped the whole state (undo, redo, a restored revision: `setEditorState`), which marks
 * only the root dirty and no leaves, so its dirty set says nothing about which blocks changed.
 */
function replacedWholeState({ dirtyElements, dirtyLeaves, tags }: BriefChange): boolean {
  if (tags.has('historic')) return true
  return dirtyLeaves.size === 0 && [...dirtyElements.keys()].every((key) => key === 'root')
}

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
  private blocks = new Map<NodeKey, string>()

  /** Forget what a change touched: the top-level block of every dirty node, or everything if unsure. */
  invalidate(change: BriefChange): void {
    if (replacedWholeState(change)) {
      this.blocks.clear()
      return
    }
    change.editorState.read(() => {
      for (const key of [...change.dirtyLeaves, ...change.dirtyElements.keys()]) {
        // A removed node is gone from this state, but its old block is dirty too and is found by its own key.
        const top = key === 'root' ? null : $getNodeByKey(key)?.getTopLevelElement()
        if (top) this.blocks.delete(top.getKey())
      }
    })
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
      // Blocks removed since the last save would otherwise stay in the map for good.
      for (const key of this.blocks.keys()) if (!kept.has(key)) this.blocks.delete(key)
      const restJson = JSON.stringify(rest)
      const tail = restJson === '{}' ? '}' : `,${restJson.slice(1)}`
      return `{"format":"evident-brief","version":${SERIALIZED_BRIEF_VERSION},"editorState":{"root":{"children":[${parts.join(',')}]${tail}}}`
    })
  }

  private blockJson(block: LexicalNode): string {
    const key = block.getKey()
    let json = this.blocks.get(key)
    if (json === undefined) {
      json = JSON.stringify(exportTree(block))
      this.blocks.set(key, json)
    }
    return json
  }
}
