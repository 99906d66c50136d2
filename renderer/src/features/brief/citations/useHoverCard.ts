import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

const OPEN_DELAY_MS = 250
const CLOSE_DELAY_MS = 200

/**
 * Open/close timing for a hover-or-focus card: a short delay before opening so sweeping the mouse across
 * text does not flash cards, and a grace period on leaving so the pointer can travel into the card.
 */
export function useHoverCard(card: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inside = useRef(false)

  const clear = () => clearTimeout(timer.current)
  const show = useCallback((delay = 0) => {
    clear()
    if (delay === 0) setOpen(true)
    else timer.current = setTimeout(() => setOpen(true), delay)
  }, [])
  const hide = useCallback((delay = CLOSE_DELAY_MS) => {
    clear()
    timer.current = setTimeout(() => {
      // A keyboard user working inside the card keeps it open whatever the mouse does.
      if (!inside.current && !card.current?.contains(document.activeElement)) setOpen(false)
    }, delay)
  }, [card])
  const close = useCallback(() => {
    clear()
    inside.current = false
    setOpen(false)
  }, [])
  const pointer = useCallback(
    (isInside: boolean) => {
      inside.current = isInside
      if (isInside) clear()
      else hide()
    },
    [hide],
  )

  useEffect(() => clear, [])
  return { open, show, hide, close, pointer, hoverDelay: OPEN_DELAY_MS }
}
