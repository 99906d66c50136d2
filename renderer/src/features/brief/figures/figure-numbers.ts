import { useSyncExternalStore } from 'react'
import type { LexicalEditor, NodeKey } from 'lexical'

/**
 * "Figure N" in the editor, as Word's SEQ field will number it: figures in document order. Kept apart from
 * the nodes (as citation numbers are), so a figure added above renumbers those below without touching them.
 */
export class FigureNumbers {
  private numbers = new Map<NodeKey, number>()
  private readonly listeners = new Set<() => void>()

  /** The figures' keys in document order. */
  set(keys: readonly NodeKey[]): void {
    if (keys.length === this.numbers.size && keys.every((key, i) => this.numbers.get(key) === i + 1)) return
    this.numbers = new Map(keys.map((key, i) => [key, i + 1]))
    this.listeners.forEach((listener) => listener())
  }

  numberOf(key: NodeKey): number | undefined {
    return this.numbers.get(key)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

const stores = new WeakMap<LexicalEditor, FigureNumbers>()

/** One store per editor: the plugin fills it, each figure's view reads its own number. */
export function figureNumbersOf(editor: LexicalEditor): FigureNumbers {
  let store = stores.get(editor)
  if (!store) {
    store = new FigureNumbers()
    stores.set(editor, store)
  }
  return store
}

export function useFigureNumber(editor: LexicalEditor, key: NodeKey): number | undefined {
  const store = figureNumbersOf(editor)
  return useSyncExternalStore(store.subscribe, () => store.numberOf(key))
}
