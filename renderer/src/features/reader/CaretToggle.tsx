import type { RefObject } from 'react'
import { setCaretBrowsing, useCaretBrowsing } from '../../ui/caret/caret-setting'

/**
 * The visible switch for caret browsing (F7 does the same, as in browsers). Turning it on sends the analyst
 * to the text, where the caret is; turning it off leaves them on the switch.
 */
export function CaretToggle({ textRef }: { textRef: RefObject<HTMLElement | null> }) {
  const on = useCaretBrowsing()
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-keyshortcuts="F7"
      title="Move a caret through the text with the arrow keys and select with Shift, to make a claim without the mouse (F7)"
      onClick={() => {
        setCaretBrowsing(!on)
        if (!on) textRef.current?.focus()
      }}
    >
      Caret browsing
    </button>
  )
}
