import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { EditorState } from 'lexical'
import { $readBriefModel, briefModelCache, EMPTY_MODEL, type BriefModel } from './brief-model'

const BriefModelContext = createContext<BriefModel>(EMPTY_MODEL)
const DEBOUNCE_MS = 200

/**
 * Re-reads the brief's structure shortly after each change, for the outline, evidence pane and word count;
 * each read walks only the blocks changed since the one before.
 */
export function BriefModelProvider({ children }: { children: ReactNode }) {
  const [editor] = useLexicalComposerContext()
  const [first] = useState(() => {
    const cache = briefModelCache()
    const state = editor.getEditorState()
    return { cache, state, model: state.read(() => $readBriefModel(cache)) }
  })
  const [model, setModel] = useState<BriefModel>(first.model)

  useEffect(() => {
    const { cache } = first
    let timer: ReturnType<typeof setTimeout> | undefined
    const reread = (editorState: EditorState) => {
      clearTimeout(timer)
      timer = setTimeout(() => setModel(editorState.read(() => $readBriefModel(cache))), DEBOUNCE_MS)
    }
    // Plugins mounting (transforms registering) may have touched the state since the first read, unseen by
    // the cache: read it again whole, shortly, not in the frame that opens the brief.
    if (editor.getEditorState() !== first.state) {
      cache.clear()
      reread(editor.getEditorState())
    }
    const stop = editor.registerUpdateListener((update) => {
      if (update.dirtyElements.size === 0 && update.dirtyLeaves.size === 0) return
      cache.invalidate(update)
      reread(update.editorState)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor, first])

  return <BriefModelContext.Provider value={model}>{children}</BriefModelContext.Provider>
}

export function useBriefModel(): BriefModel {
  return useContext(BriefModelContext)
}
