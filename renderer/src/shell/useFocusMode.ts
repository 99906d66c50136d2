import { useCallback, useMemo, useState } from 'react'

const STORAGE_KEY = 'evident.focus.v1'

export interface FocusMode {
  /** The brief has the window: the sources column and the reader are hidden. */
  on: boolean
  /** In focus mode, whether the claims column is shown beside the brief. */
  claimsOpen: boolean
  /** Counts "Show claims" requests, so the left column opens its Claims tab each time. */
  claimsRequest: number
  toggle(): void
  leave(): void
  /** Opens the claims (in focus mode beside the brief; otherwise in the left column); again, hides them in focus mode. */
  showClaims(): void
}

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

function remember(on: boolean) {
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0')
  } catch {
    // Forgetting focus mode on the next start is all that is lost.
  }
}

/** Focus mode for this window, remembered like the pane widths. */
export function useFocusMode(): FocusMode {
  const [on, setOn] = useState(remembered)
  const [claimsOpen, setClaimsOpen] = useState(false)
  const [claimsRequest, setClaimsRequest] = useState(0)

  const set = useCallback((next: boolean) => {
    remember(next)
    setOn(next)
    setClaimsOpen(false)
  }, [])
  const toggle = useCallback(() => set(!on), [on, set])
  const leave = useCallback(() => on && set(false), [on, set])
  const showClaims = useCallback(() => {
    if (on && claimsOpen) return setClaimsOpen(false)
    if (on) setClaimsOpen(true)
    setClaimsRequest((n) => n + 1)
  }, [on, claimsOpen])

  return useMemo(() => ({ on, claimsOpen, claimsRequest, toggle, leave, showClaims }), [on, claimsOpen, claimsRequest, toggle, leave, showClaims])
}
