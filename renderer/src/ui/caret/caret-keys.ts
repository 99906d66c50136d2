/** How one key press moves the caret, in Selection.modify's terms (plus the text's own start and end). */
export interface CaretMove {
  alter: 'move' | 'extend'
  direction: 'forward' | 'backward'
  granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'textboundary'
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/**
 * The caret keys of a text editor, as browsers' caret browsing (F7) has them: arrows by character and line,
 * Ctrl+arrows by word, Home/End to the line's ends, Ctrl+Home/End to the text's; Shift extends the selection.
 * On a Mac, Option+arrows go by word and ⌘+arrows to the ends. Anything else is not a caret key (null), so
 * Alt+Left (back) and Page Up/Down (scroll) keep their usual meaning.
 */
export function caretMoveFor(event: KeyPress, mac = false): CaretMove | null {
  const alter = event.shiftKey ? 'extend' : 'move'
  const byWord = mac ? event.altKey && !event.metaKey : event.ctrlKey && !event.altKey
  const toEnds = mac ? event.metaKey && !event.altKey : event.ctrlKey && !event.altKey
  if (!mac && event.altKey) return null
  if (mac && event.ctrlKey) return null
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = event.key === 'ArrowRight' ? 'forward' : 'backward'
      if (mac && event.metaKey) return { alter, direction, granularity: 'lineboundary' }
      return { alter, direction, granularity: byWord ? 'word' : 'character' }
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = event.key === 'ArrowDown' ? 'forward' : 'backward'
      if (mac && event.metaKey) return { alter, direction, granularity: 'textboundary' }
      // Ctrl+Up/Down is a paragraph step in some editors; a line is what the caret's reader expects here.
      if (mac ? event.altKey : event.ctrlKey) return null
      return { alter, direction, granularity: 'line' }
    }
    case 'Home':
    case 'End': {
      const direction = event.key === 'End' ? 'forward' : 'backward'
      return { alter, direction, granularity: toEnds ? 'textboundary' : 'lineboundary' }
    }
    default:
      return null
  }
}
