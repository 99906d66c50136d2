import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

const OPEN_DELAY_MS = 250
const CLOSE_DELAY_MS = 200

/**
 * Open/close timing for one hover-or-focus card shared by many targets: a short delay before opening so
 * sweeping the mouse across text does not flash cards, and a grace period on leaving so the pointer can
 * travel into the card. `hide(target)` only closes the card if it is (or is about to be) that target's.
 */
export function useHoverCard<T>(card: RefObject<HTMLElement | null>) {
  const [target, setTarget] = useState<T | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inside = useRef(false)
  // The target shown, or about to be shown once the open delay has passed.
  const wanted = useRef<T | null>(null)

  const clear = () => clearTimeout(timer.current)
  const show = useCallback((next: T, delay = 0) => {
    clear()
    wanted.current = next
    if (delay === 0) setTarget(next)
    else timer.current = setTimeout(() => setTarget(next), delay)
  }, [])
  const hide = useCallback(
    (of: T | null = wanted.current, delay = CLOSE_DELAY_MS) => {
      if (of === null || of !== wanted.current) return
      clear()
      timer.current = setTimeout(() => {
        // A keyboard user working inside the card keeps it open whatever the mouse does.
        if (inside.current || card.current?.contains(document.activeElement)) return
        wanted.current = null
        setTarget(null)
      }, delay)
    },
    [card],
  )
  const close = useCallback(() => {
    clear()
    inside.current = false
    wanted.current = null
    setTarget(null)
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
  return { target, show, hide, close, pointer, hoverDelay: OPEN_DELAY_MS }
}
