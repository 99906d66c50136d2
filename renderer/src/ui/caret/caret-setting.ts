import { useSyncExternalStore } from 'react'

const KEY = 'evident.caretBrowsing'
const listeners = new Set<() => void>()

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

let on = read()

/**
 * Caret browsing, on or off for every text the analyst reads (the clean text and a PDF's text layer), and
 * remembered as browsers remember F7: one switch, not one per view, so the keys never mean two things.
 */
export function setCaretBrowsing(value: boolean): void {
  if (value === on) return
  on = value
  try {
    if (value) localStorage.setItem(KEY, 'on')
    else localStorage.removeItem(KEY)
  } catch {
    // Storage may be full or refused: the switch still holds for this visit.
  }
  for (const listener of listeners) listener()
}

export function toggleCaretBrowsing(): void {
  setCaretBrowsing(!on)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useCaretBrowsing(): boolean {
  return useSyncExternalStore(subscribe, () => on)
}
