import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HISTORY_MERGE_TAG } from 'lexical'
import type { CitationPlacement } from '@shared/citation-punctuation'
import { CitationNode } from '../nodes/CitationNode'
import { requireNodes } from '../nodes/require-nodes'
import { usePunctuationInQuote } from './CitationStoreContext'
import { $placeAllPunctuation, registerCitationPunctuation } from './punctuation'

/**
 * The editor shows the sentence's punctuation where the export puts it: in-text citations before the closing
 * full stop, note marks after it (and inside closing quotes where the locale says so). Once when the brief
 * opens or its style's placement changes, merged into the last undo step, then as the analyst writes.
 */
export function CitationPunctuationPlugin({ placement }: { placement: CitationPlacement }) {
  const [editor] = useLexicalComposerContext()
  requireNodes(editor, 'CitationPunctuationPlugin', [CitationNode])
  const punctuationInQuote = usePunctuationInQuote()

  useLayoutEffect(() => {
    const rule = { placement, punctuationInQuote }
    const stop = registerCitationPunctuation(editor, () => rule)
    // A read-only brief is shown as stored; its export still moves the marks.
    if (editor.isEditable()) editor.update(() => $placeAllPunctuation(rule), { tag: HISTORY_MERGE_TAG })
    return stop
  }, [editor, placement, punctuationInQuote])

  return null
}
