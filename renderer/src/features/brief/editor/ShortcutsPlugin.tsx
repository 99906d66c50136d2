import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical'
import { $blockKindAt, setBlockKind, type BlockKind } from './block-format'
import { OPEN_LINK_DIALOG_COMMAND } from './LinkDialogPlugin'

/** The block shortcuts, shown in the toolbar's tooltips too. Bold, italic, undo and redo are Lexical's own. */
export const BLOCK_SHORTCUTS: Partial<Record<BlockKind, { keys: string; aria: string; test(e: KeyboardEvent): boolean }>> = {
  paragraph: { keys: 'Ctrl+Alt+0', aria: 'Control+Alt+0', test: (e) => e.ctrlKey && e.altKey && e.code === 'Digit0' },
  h2: { keys: 'Ctrl+Alt+2', aria: 'Control+Alt+2', test: (e) => e.ctrlKey && e.altKey && e.code === 'Digit2' },
  h3: { keys: 'Ctrl+Alt+3', aria: 'Control+Alt+3', test: (e) => e.ctrlKey && e.altKey && e.code === 'Digit3' },
  bullet: { keys: 'Ctrl+Shift+8', aria: 'Control+Shift+8', test: (e) => e.ctrlKey && e.shiftKey && e.code === 'Digit8' },
  number: { keys: 'Ctrl+Shift+7', aria: 'Control+Shift+7', test: (e) => e.ctrlKey && e.shiftKey && e.code === 'Digit7' },
  quote: { keys: 'Ctrl+Shift+9', aria: 'Control+Shift+9', test: (e) => e.ctrlKey && e.shiftKey && e.code === 'Digit9' },
}

export const LINK_SHORTCUT = { keys: 'Ctrl+K', aria: 'Control+K', test: (e: KeyboardEvent) => e.ctrlKey && !e.shiftKey && !e.altKey && e.code === 'KeyK' }

export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (LINK_SHORTCUT.test(event)) {
            event.preventDefault()
            editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)
            return true
          }
          const entry = Object.entries(BLOCK_SHORTCUTS).find(([, s]) => s.test(event))
          if (!entry) return false
          event.preventDefault()
          const selection = $getSelection()
          const current = $isRangeSelection(selection) ? $blockKindAt(selection.anchor.getNode()) : 'paragraph'
          // Outside this command's update, so setBlockKind's own update and list commands run normally.
          queueMicrotask(() => setBlockKind(editor, entry[0] as BlockKind, current))
          return true
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  )
  return null
}
