import { $getNodeByKey, type EditorState, type LexicalNode, type NodeKey } from 'lexical'

/** What Lexical's update listener says changed (the subset of its payload a block cache reads). */
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

/**
 * Something worked out from each top-level block (its JSON, its words and citations), kept until Lexical
 * marks the block dirty: typing changes one paragraph of a 60-page brief, so only that one is worked out again.
 */
export class BlockCache<T> {
  private blocks = new Map<NodeKey, T>()

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

  clear(): void {
    this.blocks.clear()
  }

  /** The value for `block` (inside a read of the state it belongs to), worked out by `compute` if not kept. */
  $get(block: LexicalNode, compute: (block: LexicalNode) => T): T {
    const key = block.getKey()
    let value = this.blocks.get(key)
    if (value === undefined) {
      value = compute(block)
      this.blocks.set(key, value)
    }
    return value
  }

  /** Blocks removed from the document would otherwise stay here for good. */
  keepOnly(kept: ReadonlySet<NodeKey>): void {
    for (const key of this.blocks.keys()) if (!kept.has(key)) this.blocks.delete(key)
  }
}
