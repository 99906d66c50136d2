import { useEffect, useId, useState, type FormEvent } from 'react'
import {
  CITED_WITHOUT_QUOTE,
  WHOLE_WORK,
  EVIDENCE_TYPES,
  STRENGTHS,
  type Claim,
  type ClaimStance,
  type EvidenceType,
  type Strength,
} from '@shared/dto/claims'
import { MAX_NOTE_CHARS, MAX_STATEMENT_CHARS } from '@shared/limits'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { Dialog } from '../../ui/Dialog'
import { FormDialogFooter } from '../../ui/DialogFooters'
import { ErrorNote } from '../../ui/ErrorNote'
import { useToast } from '../../ui/Toast'
import type { ClaimDraft, SourceTarget } from './claims-ui'
import { DeleteClaimDialog } from './DeleteClaimDialog'
import { EVIDENCE_TYPE_LABELS, STRENGTH_LABELS, locationLabel } from './labels'
import { ClosedListSelect } from './LabeledSelect'
import { StancePicker } from './StancePicker'
import { TagPicker } from './TagPicker'
import { useClaimSubject } from './useClaimSubject'
import { QuoteChangeBanner } from './QuoteChangeBanner'
import { useTaxonomy } from './useTaxonomy'
import './claim-form.css'

export interface ClaimFormProps {
  draft: ClaimDraft | null
  claimId: string | null
  onClose: () => void
  onReattach: (claim: Claim) => void
  onShowInSource: ((target: SourceTarget) => void) | null
  /** Why the project cannot be changed, or null: the claim is then shown, and nothing in it can be changed. */
  readOnly?: string | null
}

interface Fields {
  statement: string
  tagIds: string[]
  stances: ClaimStance[]
  evidenceType: EvidenceType | null
  strength: Strength | null
  note: string
}

const fieldsOf = (claim: Claim): Fields => ({
  statement: claim.statement,
  tagIds: claim.tagIds,
  stances: claim.stances,
  evidenceType: claim.evidenceType,
  strength: claim.strength,
  note: claim.note,
})

/** Create or edit one claim. Nothing is saved until "Save"; a refusal is shown here, with the form kept. */
export function ClaimForm({ draft, claimId, onClose, onReattach, onShowInSource, readOnly = null }: ClaimFormProps) {
  const api = useApi()
  const toast = useToast()
  const subject = useClaimSubject(draft, claimId)
  const taxonomy = useTaxonomy()
  const [fields, setFields] = useState<Fields | null>(draft ? { statement: draft.exact, tagIds: [], stances: [], evidenceType: null, strength: null, note: '' } : null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const formId = useId()
  const errorId = useId()
  const claim = subject.claim

  useEffect(() => {
    if (claim) setFields((f) => f ?? fieldsOf(claim))
  }, [claim])

  const patch = (p: Partial<Fields>) => setFields((f) => (f ? { ...f, ...p } : f))

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!fields) return
    setSaving(true)
    setError(null)
    try {
      if (claim) await api.invoke('claims.update', { id: claim.id, patch: fields })
      else if (draft) await api.invoke('claims.create', { sourceId: draft.sourceId, start: draft.start, end: draft.end, exact: draft.exact, ...(draft.pdf ? { pdf: draft.pdf } : {}), ...fields })
      toast.info(claim ? 'Claim saved.' : 'Claim created.')
      onClose()
    } catch (e) {
      setError(toEvidentError(e).message)
      setSaving(false)
    }
  }

  async function remove() {
    if (!claim) return
    setConfirmDelete(false)
    try {
      await api.invoke('claims.delete', { id: claim.id })
      toast.info('Claim moved to the Trash.')
      onClose()
    } catch (e) {
      setError(toEvidentError(e).message)
    }
  }

  const orphaned = claim?.status === 'orphaned'
  const footer = (
    <>
      {claim && (
        <button type="button" className="footer-start" disabled={readOnly !== null} title={readOnly ?? undefined} onClick={() => setConfirmDelete(true)}>
          Delete claim
        </button>
      )}
      {claim?.sourceId && (
        <button type="button" disabled={readOnly !== null} title={readOnly ?? undefined} onClick={() => onReattach(claim)}>
          {claim.wholeWork ? 'Tie to a quote…' : 'Re-attach…'}
        </button>
      )}
      {claim?.sourceId && !orphaned && !claim.wholeWork && onShowInSource && (
        <button
          type="button"
          onClick={() => {
            onShowInSource({ sourceId: claim.sourceId ?? '', start: claim.anchor.start, end: claim.anchor.end, paragraph: claim.anchor.paragraph })
            onClose()
          }}
        >
          Show in source
        </button>
      )}
      <FormDialogFooter
        formId={formId}
        submitLabel={saving ? 'Saving…' : claim ? 'Save claim' : 'Create claim'}
        onCancel={onClose}
        disabled={!fields || saving || readOnly !== null}
      />
    </>
  )

  return (
    <Dialog title={claimId ? (readOnly ? 'Claim' : 'Edit claim') : 'New claim'} onClose={onClose} size="large" footer={footer}>
      {subject.loading || !fields ? (
        <p role="status">{subject.error ?? 'Loading the claim…'}</p>
      ) : (
        <form id={formId} className="claim-form" onSubmit={(e) => void save(e)} aria-describedby={error ? errorId : undefined}>
          {readOnly && (
            <p className="muted" role="note">
              {readOnly} This claim cannot be changed here.
            </p>
          )}
          {/* A disabled fieldset turns off every field, picker and their buttons in one place. */}
          <fieldset className="claim-fields" disabled={readOnly !== null}>
          {orphaned && (
            <p className="orphan-banner" role="alert">
              <strong>Orphaned:</strong> this quote was not found in the current text of its source. It has not been moved.
              {claim?.sourceId ? ' Use “Re-attach…” to select its passage again.' : ' Its source has been removed.'}
            </p>
          )}
          {claim?.wholeWork && (
            <p className="orphan-banner" role="note">
              <strong>{CITED_WITHOUT_QUOTE}:</strong> this claim cites its source as a {WHOLE_WORK}. Once the source’s full text is
              attached, use “Tie to a quote…” to select the passage that supports it; its citations stay as they are.
            </p>
          )}
          {claim?.quoteChange && (
            <QuoteChangeBanner
              claim={claim}
              onResolved={(next) => {
                // Accepting moves a statement that was only the quote along with it, unless the analyst is editing it.
                if (fields.statement === claim.statement) patch({ statement: next.statement })
                subject.replace(next)
              }}
            />
          )}
          <figure className="claim-quote">
            <blockquote aria-label="Quote">{subject.quote}</blockquote>
            <figcaption>
              {subject.sourceTitle}
              {subject.paragraph !== null && <span className="muted"> · {locationLabel(subject.paragraph, subject.page)}</span>}
            </figcaption>
          </figure>
          <label className="field">
            <span>Statement</span>
            <textarea
              rows={3}
              maxLength={MAX_STATEMENT_CHARS}
              value={fields.statement}
              onChange={(e) => patch({ statement: e.target.value })}
              data-autofocus
            />
          </label>
          <TagPicker tags={taxonomy.tags} selected={fields.tagIds} onChange={(tagIds) => patch({ tagIds })} onCreated={taxonomy.reload} />
          <StancePicker questions={taxonomy.questions} stances={fields.stances} onChange={(stances) => patch({ stances })} onCreated={taxonomy.reload} />
          <div className="field-row">
            <ClosedListSelect className="field" label="Evidence type" blank="Not set" values={EVIDENCE_TYPES} labels={EVIDENCE_TYPE_LABELS} value={fields.evidenceType} onChange={(evidenceType) => patch({ evidenceType: evidenceType ?? null })} />
            <ClosedListSelect className="field" label="Strength" blank="Not set" values={STRENGTHS} labels={STRENGTH_LABELS} value={fields.strength} onChange={(strength) => patch({ strength: strength ?? null })} />
          </div>
          <label className="field">
            <span>Note</span>
            <textarea rows={2} maxLength={MAX_NOTE_CHARS} value={fields.note} onChange={(e) => patch({ note: e.target.value })} />
          </label>
          </fieldset>
          {taxonomy.error && <p className="field-error">Tags and questions are unavailable: {taxonomy.error}</p>}
          <ErrorNote id={errorId} message={error} className="field-error form-error" />
        </form>
      )}
      {confirmDelete && claim && <DeleteClaimDialog claimId={claim.id} onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)} />}
    </Dialog>
  )
}
