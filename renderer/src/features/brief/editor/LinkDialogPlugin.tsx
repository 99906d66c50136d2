import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link'
import { $findMatchingParent } from '@lexical/utils'
import { $createTextNode, $getSelection, $insertNodes, $isRangeSelection, COMMAND_PRIORITY_NORMAL, createCommand, type LexicalCommand } from 'lexical'
import { Dialog } from '../../../ui/Dialog'
import { $restoreSelection, $saveSelection, type SavedRange } from '../insert/saved-selection'
import { checkLinkUrl } from './link'

export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND')

interface OpenState {
  at: SavedRange | null
  url: string
  hasLink: boolean
}

/** Ctrl+K or the toolbar's Link button: asks for an address, and refuses anything but http/https/mailto. */
export function LinkDialogPlugin() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState<OpenState | null>(null)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG_COMMAND,
        () => {
          if (!editor.isEditable()) return false
          const selection = $getSelection()
          const link = $isRangeSelection(selection) ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode) : null
          const url = $isLinkNode(link) ? link.getURL() : ''
          setOpen({ at: $saveSelection(), url, hasLink: !!link })
          setValue(url)
          setError(null)
          return true
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  )

  const close = useCallback(() => {
    setOpen(null)
    editor.focus()
  }, [editor])

  function apply(url: string | null) {
    const at = open?.at ?? null
    editor.update(() => {
      $restoreSelection(at)
      const selection = $getSelection()
      if (url && $isRangeSelection(selection) && selection.isCollapsed() && !open?.hasLink) {
        // Nothing selected: the address itself becomes the linked text.
        $insertNodes([$createLinkNode(url).append($createTextNode(url.replace(/^mailto:/, '')))])
      } else editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
    })
    close()
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const result = checkLinkUrl(value)
    if (!result.ok) {
      setError(result.message)
      return
    }
    apply(result.url)
  }

  if (!open) return null
  return (
    <Dialog
      title={open.hasLink ? 'Edit link' : 'Add a link'}
      onClose={close}
      size="small"
      footer={
        <>
          {open.hasLink && (
            <button type="button" onClick={() => apply(null)}>
              Remove link
            </button>
          )}
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${errorId}-form`} className="primary">
            {open.hasLink ? 'Update link' : 'Add link'}
          </button>
        </>
      }
    >
      <form id={`${errorId}-form`} onSubmit={onSubmit} className="brief-form">
        <label htmlFor={`${errorId}-url`}>Web or e-mail address</label>
        <input
          id={`${errorId}-url`}
          type="text"
          data-autofocus
          value={value}
          onChange={(e) => {
            setValue(e.target.value)
            setError(null)
          }}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          placeholder="https://…"
        />
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  )
}
