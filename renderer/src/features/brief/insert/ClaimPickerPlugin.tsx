import { useCallback, useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  mergeRegister,
  type LexicalCommand,
} from 'lexical'
import type { ClaimCard } from '@shared/dto/claims'
import { useApi } from '../../../api/context'
import { useToast } from '../../../ui/Toast'
import { fetchClaimSnapshot } from './claim-snapshot'
import { ClaimPicker } from './ClaimPicker'
import { INSERT_CLAIM_COMMAND } from './InsertClaimPlugin'
import { $restoreSelection, $saveSelection, type SavedRange } from './saved-selection'

/** Opens the claim picker at the caret (toolbar button, menu). */
export const OPEN_CLAIM_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_CLAIM_PICKER_COMMAND')

interface OpenState {
  at: SavedRange | null
  /** Opened by typing "@": that "@" is replaced by the citation. */
  fromAt: boolean
  position: { top: number; left: number }
}

function caretPosition(root: HTMLElement | null): { top: number; left: number } {
  const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null
  const rect = range?.getBoundingClientRect()
  if (rect && (rect.top || rect.left)) return { top: rect.bottom + 6, left: rect.left }
  const box = root?.getBoundingClientRect()
  return { top: (box?.top ?? 80) + 40, left: (box?.left ?? 40) + 24 }
}

/** True when "@" starts a word here (so an e-mail address does not open the picker). */
function $atStartsWord(): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  const node = selection.anchor.getNode()
  if (!$isTextNode(node)) return true
  const before = node.getTextContent().slice(0, selection.anchor.offset)
  return before === '' || /\s$/.test(before)
}

/** The keyboard route into the library: "@" at the start of a word, or Ctrl+Shift+K, opens the picker. */
export function ClaimPickerPlugin() {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const toast = useToast()
  const [open, setOpen] = useState<OpenState | null>(null)

  const show = useCallback(
    (fromAt: boolean) => {
      const at = editor.getEditorState().read($saveSelection)
      setOpen({ at, fromAt, position: caretPosition(editor.getRootElement()) })
    },
    [editor],
  )

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!editor.isEditable()) return false
            if (event.ctrlKey && event.shiftKey && !event.altKey && event.code === 'KeyK') {
              event.preventDefault()
              show(false)
              return true
            }
            if (event.key === '@' && !event.ctrlKey && !event.metaKey && $atStartsWord()) {
              // Let the "@" be typed first, so Escape leaves exactly what the analyst typed.
              setTimeout(() => show(true), 0)
            }
            return false
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerCommand(
          OPEN_CLAIM_PICKER_COMMAND,
          () => {
            show(false)
            return true
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, show],
  )

  const close = useCallback(
    (refocus: boolean) => {
      setOpen(null)
      if (refocus) editor.focus()
    },
    [editor],
  )

  const pick = useCallback(
    (card: ClaimCard, as: 'citation' | 'quote') => {
      const state = open
      setOpen(null)
      let at: SavedRange | null = null
      editor.update(
        () => {
          if ($restoreSelection(state?.at ?? null) && state?.fromAt) {
            const selection = $getSelection()
            const node = $isRangeSelection(selection) ? selection.anchor.getNode() : null
            if ($isRangeSelection(selection) && $isTextNode(node) && node.getTextContent()[selection.anchor.offset - 1] === '@') {
              selection.deleteCharacter(true)
            }
          }
          at = $saveSelection()
        },
        { discrete: true },
      )
      editor.focus()
      // The same snapshot a drag gets: the core's, not one put together from the card.
      fetchClaimSnapshot(api, card.id).then(
        (snapshot) => {
          editor.dispatchCommand(INSERT_CLAIM_COMMAND, { snapshot, as, at })
          editor.focus()
        },
        (error: unknown) => toast.error(error),
      )
    },
    [editor, open, api, toast],
  )

  return open ? <ClaimPicker at={open.position} onPick={pick} onClose={close} /> : null
}
