import { useEffect } from 'react'

const SHOW_MS = 10_000

/** "Brief deleted — Undo": a status message with the one action that reverses it, for ten seconds. */
export function UndoBar({ message, onUndo, onDone }: { message: string; onUndo(): void; onDone(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOW_MS)
    return () => clearTimeout(timer)
  }, [message, onDone])
  return (
    <div className="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" className="link" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDone}>
        ×
      </button>
    </div>
  )
}
