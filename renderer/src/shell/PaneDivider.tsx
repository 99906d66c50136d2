import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { KEY_STEP } from './pane-sizes'

interface Props {
  /** What the divider resizes, for its accessible name ("Resize the sources pane"). */
  label: string
  /** The column's current width, its bounds now, and which way dragging right moves it. */
  value: number
  min: number
  max: number
  /** +1 when the column is left of the divider (dragging right widens it), -1 when it is right of it. */
  direction: 1 | -1
  onChange(width: number): void
}

/**
 * A focusable splitter between two columns (WAI-ARIA window splitter): drag it, or focus it and use the
 * arrow keys (Shift for bigger steps), Home and End for the column's smallest and largest width.
 */
export function PaneDivider({ label, value, min, max, direction, onChange }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null)

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
    drag.current = { x: event.clientX, width: value }
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return
    onChange(drag.current.width + direction * (event.clientX - drag.current.x))
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    drag.current = null
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP
    const next = { ArrowRight: value + direction * step, ArrowLeft: value - direction * step, Home: min, End: max }[event.key]
    if (next === undefined) return
    event.preventDefault()
    onChange(next)
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-divider"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
