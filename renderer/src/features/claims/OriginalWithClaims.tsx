import { useCallback, useMemo, useRef } from 'react'
import type { Claim, PdfPlace, PdfPlaceFinding } from '@shared/dto/claims'
import { MAX_PDF_FINDINGS } from '@shared/limits'
import { useApi } from '../../api/context'
import type { SourceDetail } from '@shared/dto/sources'
import { compact, locateSelection, PdfOriginal, WebOriginal, type Compact, type FoundPlace, type MarkKind, type PageSelection, type Span, type WebMark } from '../original'
import type { JumpTarget } from '../reader/Reader'
import { useToast } from '../../ui/Toast'
import { useClaimsUi } from './claims-ui'
import { originalTarget, targetPlaceKey } from './original-target'
import { draftFor } from './selection-draft'
import { useSourceClaims } from './useSourceClaims'

export const NOT_IN_CLEAN_TEXT =
  'Those words could not be found in the clean text of this source (a running head, a page number or a figure is not part of it): select them in the clean text instead.'

function markKind(claim: Claim): MarkKind {
  const stances = new Set(claim.stances.map((s) => s.stance))
  if (stances.size === 0) return 'unstanced'
  return stances.size > 1 ? 'mixed' : [...stances][0]!
}

/** Where the clean text holds a page's words: its paragraphs that start on it, and the one running onto it. */
function pageSpan(detail: SourceDetail, label: string): Span | null {
  const index = detail.paragraphs.findIndex((p) => p.page === label)
  if (index < 0) return null
  let last = index
  while (detail.paragraphs[last + 1]?.page === label) last++
  const from = detail.paragraphs[Math.max(0, index - 1)]!
  const to = detail.paragraphs[Math.min(detail.paragraphs.length - 1, last + 1)]!
  return { start: from.start, end: to.end }
}

/**
 * The Original view with the claims layer: the source's claims marked on the pages, a click on one opening
 * it, and words selected on a page becoming a claim on the clean text (its quote and anchor are the
 * clean text's, so a claim is the same whichever view it was made in), and "Open in source" (`jump`)
 * scrolling to the quote and marking it.
 */
export function OriginalWithClaims({ detail, jump }: { detail: SourceDetail; jump: JumpTarget | null }) {
  const ui = useClaimsUi()
  const api = useApi()
  const toast = useToast()
  const claims = useSourceClaims(detail.id)
  // Compacting a long source's text takes a tenth of a second: done at the first selection, not before the first page.
  const clean = useRef<{ text: string; compact: Compact } | null>(null)
  const cleanText = (): Compact => {
    if (clean.current?.text !== detail.text) clean.current = { text: detail.text, compact: compact(detail.text) }
    return clean.current.compact
  }
  // One target per jump: the view scrolls again only when the analyst asks again (or its claim's place is found).
  const placeKey = targetPlaceKey(claims, jump)
  const target = useMemo(() => originalTarget(detail, jump, placeKey ? (JSON.parse(placeKey) as PdfPlace) : undefined), [detail, jump, placeKey])
  const marks = useMemo(
    (): WebMark[] =>
      claims
        .filter((c) => c.status === 'anchored')
        .map((c) => {
          const { start, end, paragraph, page, pdf, pdfNotFound } = c.anchor
          const place = detail.format === 'pdf' ? { pdf, lookForPlace: !pdf && !pdfNotFound } : {}
          return { key: c.id, claimId: c.id, kind: markKind(c), anchor: c.anchor, page, label: c.statement || c.quote, start, end, paragraph, ...place }
        }),
    [claims, detail.format],
  )
  const notFound = claims.filter((c) => c.status === 'anchored' && c.anchor.pdfNotFound).length

  // What the view found on the pages for claims without a place becomes part of their anchors.
  const onPlacesFound = useCallback(
    (found: FoundPlace[]) => {
      const byId = new Map(claims.map((c) => [c.id, c]))
      const findings = found.flatMap(({ claimId, place }): PdfPlaceFinding[] => {
        const claim = byId.get(claimId)
        if (!claim) return []
        const at = { id: claimId, start: claim.anchor.start, end: claim.anchor.end }
        return [place ? { ...at, ...place } : { ...at, notFound: true }]
      })
      for (let i = 0; i < findings.length; i += MAX_PDF_FINDINGS) {
        // An aid, like the marks: a failure leaves the claims as they were, to be looked for next time.
        void api.invoke('claims.placeOnPages', { sourceId: detail.id, findings: findings.slice(i, i + MAX_PDF_FINDINGS) }).catch(() => undefined)
      }
    },
    [api, claims, detail.id],
  )

  function claimSelection(selection: PageSelection) {
    const span = locateSelection(cleanText(), detail.text, selection.selected, selection.before, pageSpan(detail, selection.pageLabel))
    const draft = span ? draftFor(span, detail) : null
    if (!draft) return toast.info(NOT_IN_CLEAN_TEXT)
    if (!draft.ok) return toast.info(draft.message)
    ui.newClaim(selection.pdf ? { ...draft.value, pdf: selection.pdf } : draft.value)
  }

  // A saved page or .docx is laid out in its frame; its marks carry their clean-text place for the views to follow.
  if (detail.format !== 'pdf') return <WebOriginal detail={detail} marks={marks} target={target} onOpenClaim={ui.openClaim} />
  return (
    <PdfOriginal
      sourceId={detail.id}
      fromOcr={!!detail.ocr}
      marks={marks}
      target={target}
      onClaimSelection={claimSelection}
      onOpenClaim={ui.openClaim}
      onPlacesFound={onPlacesFound}
      notice={notFound ? notFoundNotice(notFound) : undefined}
    />
  )
}

function notFoundNotice(count: number): string {
  const what = count === 1 ? 'One claim’s quote was' : `${count} claims’ quotes were`
  return `${what} not found on the pages of this PDF: marked where its words are found on the page, it opens at its paragraph in the clean text.`
}
