import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $readBriefModel, EMPTY_MODEL, type BriefModel } from './brief-model'

const BriefModelContext = createContext<BriefModel>(EMPTY_MODEL)
const DEBOUNCE_MS = 200

/** Re-reads the brief's structure shortly after each change, for the outline, evidence pane and word count. */
export function BriefModelProvider({ children }: { children: ReactNode }) {
  const [editor] = useLexicalComposerContext()
  const [model, setModel] = useState<BriefModel>(() => editor.getEditorState().read($readBriefModel))

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    setModel(editor.getEditorState().read($readBriefModel))
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      clearTimeout(timer)
      timer = setTimeout(() => setModel(editorState.read($readBriefModel)), DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor])

  return <BriefModelContext.Provider value={model}>{children}</BriefModelContext.Provider>
}

export function useBriefModel(): BriefModel {
  return useContext(BriefModelContext)
}
