import { useState } from 'react'
import type { Claim, QuoteDecision } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { QuoteDiff, quoteChangeSummary } from '../../ui/QuoteDiff'
import { useToast } from '../../ui/Toast'

/**
 * "Changed in the source" on the claim form: the cited words against the source's new words, and the
 * analyst's two answers. The quote changes only through "Accept the new words".
 */
export function QuoteChangeBanner({ claim, onResolved }: { claim: Claim; onResolved: (claim: Claim) => void }) {
  const api = useApi()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const change = claim.quoteChange!

  async function decide(decision: QuoteDecision) {
    setBusy(true)
    try {
      const next = await api.invoke('claims.resolveQuoteChange', { id: claim.id, decision })
      toast.info(decision === 'accept' ? 'The claim now quotes the source’s new words.' : 'The claim keeps the words you cited.')
      onResolved(next)
    } catch (e) {
      toast.error(toEvidentError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="quote-change-banner" role="alert">
      <p>
        <strong>{quoteChangeSummary(change)}:</strong>{' '}
        {change.kept
          ? 'the source no longer says the words you cited; you chose to keep them.'
          : 'a new version of the source no longer says the words you cited. The quote stays as cited until you decide.'}
      </p>
      <p>
        <QuoteDiff change={change} />
      </p>
      <div className="quote-change-actions">
        <button type="button" disabled={busy} onClick={() => void decide('accept')}>
          Accept the new words
        </button>
        {!change.kept && (
          <button type="button" disabled={busy} onClick={() => void decide('keep')}>
            Keep the cited words
          </button>
        )}
      </div>
    </div>
  )
}
