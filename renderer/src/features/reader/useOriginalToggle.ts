import { useCallback, useEffect, useState } from 'react'

const KEY = 'evident.originalView.'

function remembered(sourceId: string | null): boolean {
  if (!sourceId) return false
  try {
    return localStorage.getItem(KEY + sourceId) === 'on'
  } catch {
    return false
  }
}

/** Whether the Original view is shown beside this source's clean text: the analyst's choice, kept per source. */
export function useOriginalToggle(sourceId: string | null): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => remembered(sourceId))
  useEffect(() => setOn(remembered(sourceId)), [sourceId])
  const set = useCallback(
    (value: boolean) => {
      setOn(value)
      if (!sourceId) return
      try {
        if (value) localStorage.setItem(KEY + sourceId, 'on')
        else localStorage.removeItem(KEY + sourceId)
      } catch {
        // Storage may be full or refused: the toggle still works for this visit.
      }
    },
    [sourceId],
  )
  return [on, set]
}
