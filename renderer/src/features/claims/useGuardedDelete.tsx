import { useState } from 'react'
import { toEvidentError } from '../../api/errors'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

export interface Deletable {
  id: string
  label: string
  claimCount: number
}

type Remove = (id: string, force: boolean) => Promise<{ deleted: boolean; claimCount: number }>

/**
 * Delete a tag or question without force first: the core refuses one still in use (IN_USE, or an answer
 * of deleted: false), and only then do we ask, with the number of claims, and retry with force.
 */
export function useGuardedDelete(kind: 'tag' | 'question', remove: Remove, onError: (message: string) => void, onDone: () => void) {
  const [asking, setAsking] = useState<(Deletable & { message?: string }) | null>(null)

  async function request(item: Deletable) {
    try {
      const result = await remove(item.id, false)
      if (result.deleted) onDone()
      else setAsking({ ...item, claimCount: result.claimCount })
    } catch (e) {
      const error = toEvidentError(e)
      if (error.code === 'IN_USE') setAsking({ ...item, message: error.message })
      else onError(error.message)
    }
  }

  async function confirm() {
    if (!asking) return
    const item = asking
    setAsking(null)
    try {
      await remove(item.id, true)
      onDone()
    } catch (e) {
      onError(toEvidentError(e).message)
    }
  }

  const n = asking?.claimCount ?? 0
  const dialog = asking && (
    <ConfirmDialog
      title={`Delete the ${kind} “${asking.label}”?`}
      confirmLabel={`Delete ${kind}`}
      danger
      onConfirm={() => void confirm()}
      onCancel={() => setAsking(null)}
    >
      {asking.message && <p>{asking.message}</p>}
      <p>
        It is used by {n} {n === 1 ? 'claim' : 'claims'}. The claims are kept; only the {kind} is taken off them.
      </p>
    </ConfirmDialog>
  )

  return { request, dialog }
}
