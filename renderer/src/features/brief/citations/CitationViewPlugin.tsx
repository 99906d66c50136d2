import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isNodeSelection, mergeRegister, type NodeKey } from 'lexical'
import { $isCitationNode, CitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode, EvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import { requireNodes } from '../nodes/require-nodes'
import { isCitationElement, paintCitation } from './citation-dom'
import { useCitationStore } from './CitationStoreContext'

const NONE: readonly NodeKey[] = []

/**
 * The one place that keeps inline citation labels in step with the citation store: it paints a label when
 * Lexical creates its element, repaints the labels whose number, claim status or selection changed, and
 * publishes which citations the node selection holds. One listener for the whole brief: a listener per
 * citation ran thousands of times on every keystroke.
 */
export function CitationViewPlugin() {
  const [editor] = useLexicalComposerContext()
  requireNodes(editor, 'CitationViewPlugin', [CitationNode, EvidenceQuoteNode])
  const store = useCitationStore()

  // A layout effect, so a brief opens with its labels painted in its first frame.
  useLayoutEffect(() => {
    const keys = new Set<NodeKey>()
    const paint = (key: NodeKey) => {
      const el = editor.getElementByKey(key)
      if (isCitationElement(el)) paintCitation(el, store)
    }

    let seen = { numbering: store.getNumbering(), claims: store.claims(), selection: store.selection() }
    const onStore = () => {
      const now = { numbering: store.getNumbering(), claims: store.claims(), selection: store.selection() }
      if (now.numbering !== seen.numbering || now.claims !== seen.claims) keys.forEach(paint)
      else if (now.selection !== seen.selection) for (const key of new Set([...seen.selection, ...now.selection])) paint(key)
      seen = now
    }

    const readSelection = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        if (!$isNodeSelection(selection)) return NONE
        return selection
          .getNodes()
          .filter((n) => $isCitationNode(n) || $isEvidenceQuoteNode(n))
          .map((n) => n.getKey())
      })

    const stop = mergeRegister(
      store.subscribe(onStore),
      editor.registerMutationListener(CitationNode, (mutations, { updateTags }) => {
        // Registering reports every citation already drawn; with nothing in the store yet they all show
        // what createDOM gave them, and the first numbering paints them.
        const fresh = updateTags.has('registerMutationListener') && store.getNumbering().labels.size === 0 && store.claims().size === 0
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') keys.delete(key)
          else {
            keys.add(key)
            if (!fresh) paint(key)
          }
        }
      }),
      editor.registerUpdateListener(() => store.setSelected(readSelection())),
    )
    store.setSelected(readSelection())
    return stop
  }, [editor, store])

  return null
}
