import { useCallback, useState } from 'react'
import { toEvidentError } from './errors'

/**
 * A control's request to the core: busy while it runs (so its button is disabled), and the core's own
 * message when it refuses, cleared when the next attempt starts. Resolves to whether it worked.
 */
export function useAttempt() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const attempt = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (e) {
      setError(toEvidentError(e).message)
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, attempt }
}
