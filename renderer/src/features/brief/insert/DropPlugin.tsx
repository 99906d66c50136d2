import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, DRAGOVER_COMMAND, DROP_COMMAND, mergeRegister } from 'lexical'
import { useToast } from '../../../ui/Toast'
import { useApi } from '../../../api/context'
import { requestImport } from '../../import/events'
import { fetchClaimSnapshot } from './claim-snapshot'
import { acceptsDrag, readDrop } from './drop'
import { INSERT_CLAIM_COMMAND } from './InsertClaimPlugin'
import { $rangeAtPoint, $restoreSelection } from './saved-selection'

/**
 * Drops on the brief: a claim card becomes a citation where it lands (Alt: an evidence quote); files are
 * handed to import (once: the window's own drop handler leaves a handled drop alone); plain text goes in as
 * text; anything else claiming to be a claim is refused politely.
 */
export function DropPlugin() {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const toast = useToast()

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!acceptsDrag(event.dataTransfer)) return false
            // Accepting the dragover is what makes the browser deliver the drop to us at all.
            event.preventDefault()
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const intent = readDrop(event.dataTransfer)
            if (intent.kind === 'lexical' || intent.kind === 'none') return false
            event.preventDefault()
            if (!editor.isEditable()) {
              toast.info('This brief is read-only, so nothing was added.')
              return true
            }
            if (intent.kind === 'bad-claim') {
              toast.error(new Error(intent.message))
              return true
            }
            if (intent.kind === 'files') {
              // preventDefault above tells the window-level drop not to import them a second time.
              requestImport(Array.from(intent.files))
              return true
            }
            const at = $rangeAtPoint(event.clientX, event.clientY, editor.getRootElement())
            if (intent.kind === 'text') {
              if (at) $restoreSelection(at)
              const selection = $getSelection()
              if ($isRangeSelection(selection)) selection.insertRawText(intent.text)
              return true
            }
            const as = event.altKey ? 'quote' : 'citation'
            fetchClaimSnapshot(api, intent.claimId).then(
              (snapshot) => {
                editor.dispatchCommand(INSERT_CLAIM_COMMAND, { snapshot, as, at })
                editor.focus()
              },
              (error: unknown) => toast.error(error),
            )
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, api, toast],
  )
  return null
}
