import { useCallback, useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_NORMAL, createCommand, KEY_DOWN_COMMAND, type LexicalCommand } from 'lexical'
import { useApi } from '../../../api/context'
import { emitWindowEvent } from '../../../ui/window-events'
import { COMMENT_STARTED_EVENT } from '../events'
import { Dialog } from '../../../ui/Dialog'
import { $restoreSelection, $saveSelection, type SavedRange } from '../insert/saved-selection'
import { CommentBox } from './CommentBox'
import { $hasRoomForComment, $startThread, COMMENT_LIMIT_MESSAGE } from './comment-ops'
import { useCommentThreads } from './useCommentThreads'
import { useMarkClasses } from './useMarkClasses'
import './comments.css'

export const OPEN_COMMENT_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_COMMENT_DIALOG_COMMAND')

/** Word's and Google Docs' shortcut for a new comment. */
export const COMMENT_SHORTCUT = {
  keys: 'Ctrl+Alt+M',
  aria: 'Control+Alt+M',
  test: (e: KeyboardEvent) => e.ctrlKey && e.altKey && !e.shiftKey && e.code === 'KeyM',
}


interface Open {
  at: SavedRange | null
  quote: string
  refused?: string
}

/** The name the analyst gave in Settings, asked for when a comment is written (it may have changed since). */
export function useAuthorName(): () => Promise<string> {
  const api = useApi()
  return useCallback(() => api.invoke('settings.get', {}).then((s) => s.authorName, () => ''), [api])
}

/** Select words, then Comment (toolbar) or Ctrl+Alt+M: a small dialog takes the comment and marks the words. */
export function CommentsPlugin() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState<Open | null>(null)
  const authorName = useAuthorName()
  useMarkClasses(useCommentThreads())

  useEffect(() => {
    const openDialog = () => {
      if (!editor.isEditable()) return false
      const selection = $getSelection()
      if (!$isRangeSelection(selection) || selection.isCollapsed()) {
        setOpen({ at: null, quote: '', refused: 'Select the words you want to comment on first.' })
        return true
      }
      const refused = $hasRoomForComment() ? undefined : COMMENT_LIMIT_MESSAGE
      setOpen({ at: $saveSelection(), quote: selection.getTextContent().replace(/\s+/g, ' ').trim(), refused })
      return true
    }
    const offCommand = editor.registerCommand(OPEN_COMMENT_DIALOG_COMMAND, openDialog, COMMAND_PRIORITY_NORMAL)
    const offKey = editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!COMMENT_SHORTCUT.test(event)) return false
        event.preventDefault()
        return openDialog()
      },
      COMMAND_PRIORITY_NORMAL,
    )
    return () => {
      offCommand()
      offKey()
    }
  }, [editor])

  const close = useCallback(() => {
    setOpen(null)
    editor.focus()
  }, [editor])

  async function post(text: string) {
    const at = open?.at ?? null
    const author = await authorName()
    let started: string | null = null
    editor.update(
      () => {
        if (!$restoreSelection(at)) return
        const selection = $getSelection()
        if ($isRangeSelection(selection)) started = $startThread(selection, text, author)
      },
      { discrete: true },
    )
    close()
    if (started) emitWindowEvent(COMMENT_STARTED_EVENT, started)
  }

  if (!open) return null
  const quote = open.quote.length > 120 ? `${open.quote.slice(0, 120)}…` : open.quote
  return (
    <Dialog title="Comment" onClose={close} size="small">
      {open.refused ? (
        <>
          <p role="alert">{open.refused}</p>
          <div className="comment-box-actions">
            <button type="button" className="primary" onClick={close} data-autofocus>
              OK
            </button>
          </div>
        </>
      ) : (
        <>
          <blockquote className="comment-quote">{quote}</blockquote>
          <CommentBox label="Your comment" submitLabel="Comment" onSubmit={(text) => void post(text)} onCancel={close} autoFocus />
        </>
      )}
    </Dialog>
  )
}
