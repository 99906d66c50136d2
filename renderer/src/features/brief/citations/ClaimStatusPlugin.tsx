import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from 'lexical'
import { useApi } from '../../../api/context'
import { useCitationStore } from './CitationStoreContext'
import { $collectCitations, mayChangeCitations } from './numbering'

const DEBOUNCE_MS = 400
const BATCH = 5000

/**
 * Looks up the claims the brief cites, so a citation whose claim was deleted or lost its anchor shows a
 * warning, and the evidence pane can weigh stances and evidence types. Only re-asks when the set of cited
 * claims changes or the library tells us claims changed.
 */
export function ClaimStatusPlugin() {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const store = useCitationStore()

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastKey: string | null = null
    let cancelled = false

    const run = async (force: boolean) => {
      const ids = [...new Set(editor.getEditorState().read($collectCitations).map((u) => u.snapshot.claimId))].sort()
      const key = ids.join('|')
      if (!force && key === lastKey) return
      lastKey = key
      try {
        const claims = []
        for (let i = 0; i < ids.length; i += BATCH) claims.push(...(await api.invoke('claims.getMany', { ids: ids.slice(i, i + BATCH) })))
        if (!cancelled && key === lastKey) store.setClaims(ids, claims)
      } catch {
        // Unknown is not the same as deleted: without an answer, no citation is flagged.
        lastKey = null
      }
    }

    void run(true)
    const stop = mergeRegister(
      editor.registerUpdateListener((update) => {
        // Typing inside text cannot change which claims are cited: no walk of the brief for it.
        if (!mayChangeCitations(update)) return
        clearTimeout(timer)
        timer = setTimeout(() => void run(false), DEBOUNCE_MS)
      }),
      api.on('claims.changed', () => void run(true)),
      api.on('sources.changed', () => void run(true)),
    )
    return () => {
      cancelled = true
      clearTimeout(timer)
      stop()
    }
  }, [editor, api, store])

  return null
}
