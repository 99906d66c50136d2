import { useMemo, useRef } from 'react'
import type { Claim } from '@shared/dto/claims'
import type { SourceDetail } from '@shared/dto/sources'
import { compact, locateSelection, PdfOriginal, WebOriginal, type Compact, type MarkKind, type PageSelection, type Span, type WebMark } from '../original'
import type { JumpTarget } from '../reader/Reader'
import { useToast } from '../../ui/Toast'
import { useClaimsUi } from './claims-ui'
import { originalTarget } from './original-target'
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
  const toast = useToast()
  const claims = useSourceClaims(detail.id)
  // Compacting a long source's text takes a tenth of a second: done at the first selection, not before the first page.
  const clean = useRef<{ text: string; compact: Compact } | null>(null)
  const cleanText = (): Compact => {
    if (clean.current?.text !== detail.text) clean.current = { text: detail.text, compact: compact(detail.text) }
    return clean.current.compact
  }
  // One target per jump: PdfOriginal scrolls again only when the analyst asks again.
  const target = useMemo(() => originalTarget(detail, jump), [detail, jump])
  const marks = useMemo(
    (): WebMark[] =>
      claims
        .filter((c) => c.status === 'anchored')
        .map((c) => {
          const { start, end, paragraph, page } = c.anchor
          return { key: c.id, claimId: c.id, kind: markKind(c), anchor: c.anchor, page, label: c.statement || c.quote, start, end, paragraph }
        }),
    [claims],
  )

  function claimSelection(selection: PageSelection) {
    const span = locateSelection(cleanText(), detail.text, selection.selected, selection.before, pageSpan(detail, selection.pageLabel))
    const draft = span ? draftFor(span, detail) : null
    if (!draft) return toast.info(NOT_IN_CLEAN_TEXT)
    if (!draft.ok) return toast.info(draft.message)
    ui.newClaim(draft.value)
  }

  // A saved page or .docx is laid out in its frame; its marks carry their clean-text place for the views to follow.
  if (detail.format !== 'pdf') return <WebOriginal detail={detail} marks={marks} onOpenClaim={ui.openClaim} />
  return <PdfOriginal sourceId={detail.id} marks={marks} target={target} onClaimSelection={claimSelection} onOpenClaim={ui.openClaim} />
}
