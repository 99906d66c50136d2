import type { Klass, LexicalEditor, LexicalNode } from 'lexical'

/**
 * A plugin that creates or reads our nodes checks that the editor it runs in registered them: an editor built
 * without them would otherwise fail later and far away (a paste that drops citations, "node not registered"
 * from deep inside an update). The check is a few set lookups, so it runs in every build.
 */
export function requireNodes(editor: LexicalEditor, plugin: string, nodes: readonly Klass<LexicalNode>[]): void {
  if (editor.hasNodes([...nodes])) return
  const missing = nodes.filter((node) => !editor.hasNodes([node])).map((node) => node.name)
  throw new Error(`${plugin}: the editor does not register ${missing.join(', ')}; create it with BRIEF_NODES.`)
}
