import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react'
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
  const [cache] = useState(briefModelCache)
  const [model, setModel] = useState<BriefModel>(EMPTY_MODEL)

  // A layout effect of the provider runs after its children's, so after LoadBriefPlugin's: the first read is
  // of the opened brief, and the outline has it in the frame that first shows the brief.
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const reread = (editorState: EditorState) => {
      clearTimeout(timer)
      timer = setTimeout(() => setModel(editorState.read(() => $readBriefModel(cache))), DEBOUNCE_MS)
    }
    cache.clear()
    setModel(editor.getEditorState().read(() => $readBriefModel(cache)))
    const stop = editor.registerUpdateListener((update) => {
      if (update.dirtyElements.size === 0 && update.dirtyLeaves.size === 0) return
      cache.invalidate(update)
      reread(update.editorState)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor, cache])

  return <BriefModelContext.Provider value={model}>{children}</BriefModelContext.Provider>
}

export function useBriefModel(): BriefModel {
  return useContext(BriefModelContext)
}
