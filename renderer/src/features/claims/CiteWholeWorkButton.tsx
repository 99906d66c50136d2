import { useState } from 'react'
import { WHOLE_WORK } from '@shared/dto/claims'
import type { SourceDetail } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { useToast } from '../../ui/Toast'
import { useClaimsUi } from './claims-ui'

/**
 * "Cite as a whole work" on a reference-only source: a claim with no quote, named by the work, opened in the
 * claim form so the analyst can write what it supports. It is then dragged into a brief like any claim.
 */
export function CiteWholeWorkButton({ source }: { source: Pick<SourceDetail, 'id' | 'title'> }) {
  const api = useApi()
  const toast = useToast()
  const ui = useClaimsUi()
  const [busy, setBusy] = useState(false)

  async function cite() {
    setBusy(true)
    try {
      const claim = await api.invoke('claims.citeWholeWork', { sourceId: source.id })
      toast.info(`A claim now cites “${source.title}” as a ${WHOLE_WORK}: write what it supports, then drag it into a brief.`)
      ui.openClaim(claim.id)
    } catch (e) {
      toast.error(toEvidentError(e))
    } finally {
      setBusy(false)
    }
  }

  const readOnly = ui.readOnly
  return (
    <button type="button" disabled={busy || readOnly !== null} title={readOnly ?? `Make a claim that cites “${source.title}” without a quote`} onClick={() => void cite()}>
      {busy ? 'Citing…' : 'Cite as a whole work'}
    </button>
  )
}
