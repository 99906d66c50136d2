import { useCallback, useState } from 'react'
import { toEvidentError } from '../../api/errors'

/**
 * The tags and questions managers run every change the same way: clear the last error, ask the core,
 * reload the list on success, and show the core's message on failure. Resolves to whether it worked.
 */
export function useManagerAction(reload: () => void) {
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(null)
      try {
        await action()
        reload()
        return true
      } catch (e) {
        setError(toEvidentError(e).message)
        return false
      }
    },
    [reload],
  )
  return { error, setError, run }
}
