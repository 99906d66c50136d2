import { createEditor, type LexicalEditor } from 'lexical'
import { BlockJsonCache } from '../../renderer/src/features/brief/editor/block-json-cache'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'

/** A brief's Lexical editor on a jsdom element, with autosave's block cache following its updates. */
export function headlessBriefEditor(namespace: string): { editor: LexicalEditor; cache: BlockJsonCache; edit(fn: () => void): void } {
  const editor = createEditor({ namespace, nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  const root = document.createElement('div')
  root.contentEditable = 'true'
  document.body.append(root)
  editor.setRootElement(root)
  const cache = new BlockJsonCache()
  editor.registerUpdateListener((update) => cache.invalidate(update))
  return { editor, cache, edit: (fn) => editor.update(fn, { discrete: true }) }
}
