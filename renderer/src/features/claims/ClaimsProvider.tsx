import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Claim } from '@shared/dto/claims'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { ClaimForm } from './ClaimForm'
import { ClaimsUiContext, type ClaimDraft, type ClaimsUi, type SourceTarget } from './claims-ui'
import './claims-reader.css'

type FormTarget = { kind: 'new'; draft: ClaimDraft } | { kind: 'edit'; claimId: string } | null

export interface ClaimsProviderProps {
  children: ReactNode
  /** The shell's way to open a source at a passage; without it "Show in source" is not offered. */
  onShowInSource?: (target: SourceTarget) => void
  /** Why the project cannot be changed, or null; claims are then shown but not made, edited or deleted. */
  readOnly?: string | null
}

/** Owns the claim form and the re-attach mode, so every way into a claim leads to the same dialog. */
export function ClaimsProvider({ children, onShowInSource, readOnly = null }: ClaimsProviderProps) {
  const api = useApi()
  const toast = useToast()
  const [form, setForm] = useState<FormTarget>(null)
  const [reattaching, setReattaching] = useState<Claim | null>(null)
  // The shell passes a fresh callback each render; a stable one keeps the library's cards from re-rendering.
  const latestShow = useRef(onShowInSource)
  useEffect(() => {
    latestShow.current = onShowInSource
  })
  const canShow = onShowInSource !== undefined
  const showInSource = useMemo(() => (canShow ? (t: SourceTarget) => latestShow.current?.(t) : null), [canShow])

  const startReattach = useCallback(
    (claim: Claim) => {
      setForm(null)
      setReattaching(claim)
      // Take the analyst to where the quote used to be: the new passage is usually close by.
      // A whole-work claim has no old place: open the source at its start.
      if (claim.sourceId && showInSource) {
        showInSource({ sourceId: claim.sourceId, start: claim.anchor.start, end: claim.anchor.end, paragraph: claim.wholeWork ? 1 : claim.anchor.paragraph })
      }
    },
    [showInSource],
  )

  const reattach = useCallback(
    async (span: { start: number; end: number; exact: string }) => {
      if (!reattaching) return
      const claim = await api.invoke('claims.reattach', { id: reattaching.id, ...span })
      setReattaching(null)
      toast.info('Claim re-attached to the selected passage.')
      setForm({ kind: 'edit', claimId: claim.id })
    },
    [api, reattaching, toast],
  )

  const ui = useMemo<ClaimsUi>(
    () => ({
      // Every way into a new claim (reader, Original view, suggestions) passes here, so one check covers them.
      newClaim: (draft) => (readOnly ? toast.info(`No claim can be made: ${readOnly}`) : setForm({ kind: 'new', draft })),
      openClaim: (claimId) => setForm({ kind: 'edit', claimId }),
      reattaching,
      startReattach,
      reattach,
      cancelReattach: () => setReattaching(null),
      showInSource,
      readOnly,
    }),
    [reattaching, startReattach, reattach, showInSource, readOnly, toast],
  )

  return (
    <ClaimsUiContext.Provider value={ui}>
      {children}
      {reattaching && (
        <div className="reattach-banner" role="status">
          <span>
            <strong>{reattaching.wholeWork ? 'Tying a claim to a quote.' : 'Re-attaching a claim.'}</strong> Select its passage in the reader, then choose “Re-attach here” (or press
            Ctrl+Enter).
          </span>
          <button type="button" onClick={() => setReattaching(null)}>
            Cancel re-attach
          </button>
        </div>
      )}
      {form && (
        <ClaimForm
          key={form.kind === 'new' ? `new-${form.draft.sourceId}-${form.draft.start}` : form.claimId}
          draft={form.kind === 'new' ? form.draft : null}
          claimId={form.kind === 'edit' ? form.claimId : null}
          onClose={() => setForm(null)}
          onReattach={startReattach}
          onShowInSource={showInSource}
          readOnly={readOnly}
        />
      )}
    </ClaimsUiContext.Provider>
  )
}
