import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, mergeRegister } from 'lexical'
import type { BriefSummary } from '@shared/dto/briefs'
import { useApi } from '../../../api/context'
import { Autosaver, type SaveStatus } from './autosave'
import { BlockJsonCache } from './block-json-cache'
import { whenIdle } from './when-idle'

export interface AutosaveHandle {
  flush(): Promise<void>
  setBaseRevision(revision: number): void
}

interface Props {
  briefId: string
  baseRevision: number
  onStatus(status: SaveStatus): void
  onSaved(summary: BriefSummary): void
  /** Lets the workspace flush before switching, duplicating or restoring. */
  handle: React.RefObject<AutosaveHandle | null>
}

/** Autosave: each change saved within a second, and at once when the editor or the window loses focus. */
export function AutosavePlugin({ briefId, baseRevision, onStatus, onSaved, handle }: Props) {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const callbacks = useRef({ onStatus, onSaved })
  useEffect(() => {
    callbacks.current = { onStatus, onSaved }
  })

  useEffect(() => {
    const cache = new BlockJsonCache()
    const openedState = editor.getEditorState()
    let openedJson: string | null = null
    let changed = false
    const saver = new Autosaver(
      {
        read: () => cache.serialize(editor.getEditorState()),
        // Usually ready from idle time; after an early change the cache no longer describes the opened state.
        opened: () => openedJson ?? new BlockJsonCache().serialize(openedState),
        save: (content, base) => api.invoke('briefs.save', { id: briefId, content, baseRevision: base }),
        onStatus: (s) => callbacks.current.onStatus(s),
        onSaved: (s) => callbacks.current.onSaved(s),
      },
      baseRevision,
    )
    // Serialise what is not cached a few milliseconds at a time while the analyst reads (the opened brief,
    // then whatever undo or a restore replaced), so a save only joins cached blocks.
    let cancelWarm: (() => void) | null = null
    const warmSoon = () => {
      cancelWarm ??= whenIdle(function warm(budgetMs) {
        const state = editor.getEditorState()
        if (!cache.warm(state, budgetMs)) return warm
        cancelWarm = null
        if (!changed) openedJson = cache.serialize(state)
      })
    }
    warmSoon()
    handle.current = { flush: () => saver.flush(), setBaseRevision: (r) => saver.setBaseRevision(r) }
    const flush = () => void saver.flush()
    const onVisibility = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('beforeunload', flush)
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    const stop = mergeRegister(
      editor.registerUpdateListener((update) => {
        if (update.dirtyElements.size === 0 && update.dirtyLeaves.size === 0) return
        changed = true
        cache.invalidate(update)
        warmSoon()
        saver.change()
      }),
      editor.registerCommand(BLUR_COMMAND, () => (flush(), false), COMMAND_PRIORITY_LOW),
    )
    return () => {
      stop()
      cancelWarm?.()
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      // Switching briefs or closing the pane: what was typed last still goes to disk.
      void saver.flush().finally(() => saver.stop())
      handle.current = null
    }
    // baseRevision is only the starting point; later revisions come from the saves themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, api, briefId])

  return null
}
