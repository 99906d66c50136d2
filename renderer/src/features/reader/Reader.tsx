import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { FindBar } from './FindBar'
import { Paragraphs } from './Paragraphs'
import { SourceHeader } from './SourceHeader'
import { useFindInSource } from './useFindInSource'
import { useSourceDetail } from './useSourceDetail'
import { useOriginalToggle } from './useOriginalToggle'
import { useStepWithOriginal } from './useStepWithOriginal'
import { CaretToggle } from './CaretToggle'
import { TextCaretLayer } from '../../ui/caret/TextCaretLayer'
import './reader.css'

export interface JumpTarget {
  sourceId: string
  paragraph: number
  /** A new number for each jump, so jumping to the same paragraph twice still scrolls. */
  seq: number
  /** The quote's offsets in the source text, when the jump is to a claim's quote ("Open in source"). */
  quote?: { start: number; end: number }
}

export interface ReaderProps {
  sourceId: string | null
  hasSources: boolean
  jump: JumpTarget | null
  /** Bumped by the "Find in source" command (the menu, or its shortcut Ctrl+F: see the shell's registry). */
  findRequest: number
  /** The Original view for this source (the shell composes it with the claims layer); absent = none. */
  renderOriginal?: (detail: SourceDetail, jump: JumpTarget | null) => ReactNode
  /** Whether this source's format has an Original view. */
  hasOriginal?: (detail: SourceDetail) => boolean
  /** What a reference-only source offers instead of its text (the shell adds "Cite as a whole work"). */
  renderReferenceActions?: (detail: SourceDetail) => ReactNode
}

export function Reader({ sourceId, hasSources, jump, findRequest, renderOriginal, hasOriginal, renderReferenceActions }: ReaderProps) {
  const { detail, loading, error } = useSourceDetail(sourceId)
  const [originalOn, setOriginalOn] = useOriginalToggle(sourceId)
  const canShowOriginal = !!(detail && renderOriginal && hasOriginal?.(detail))
  const showOriginal = canShowOriginal && originalOn
  const hasText = !!detail && !detail.referenceOnly && detail.paragraphs.length > 0
  const scroller = useRef<HTMLDivElement>(null)
  const article = useRef<HTMLElement>(null)
  const find = useFindInSource(detail, article)
  useStepWithOriginal(scroller, sourceId, showOriginal)
  const [focusKey, setFocusKey] = useState(0)
  const { show } = find

  const openFind = useRef(() => {})
  useEffect(() => {
    openFind.current = () => {
      show()
      setFocusKey((k) => k + 1)
    }
  })

  // Each request opens find once, even if it arrived before the source finished loading.
  const handledFind = useRef(0)
  useEffect(() => {
    if (findRequest === handledFind.current || !detail) return
    handledFind.current = findRequest
    openFind.current()
  }, [findRequest, detail])

  // A newly opened source starts at its top, unless a search result asked for a paragraph. Re-reading the
  // same source (its record was edited) keeps the analyst's place.
  const shown = useRef({ id: '', seq: -1 })
  useEffect(() => {
    if (!detail) return
    const seq = jump?.seq ?? 0
    if (shown.current.id === detail.id && shown.current.seq === seq) return
    shown.current = { id: detail.id, seq }
    // "Open in source" at a quote opens the original too, where there is one: the quote as printed.
    if (jump?.quote && jump.sourceId === detail.id && canShowOriginal) setOriginalOn(true)
    if (jump && jump.sourceId === detail.id) {
      const target = document.getElementById(`p-${jump.paragraph}`)
      if (target) {
        target.scrollIntoView({ block: 'center' })
        target.focus({ preventScroll: true })
        // Lit until the analyst moves on, so the eye finds the paragraph the search result named.
        target.classList.add('para-jumped')
        target.addEventListener('blur', () => target.classList.remove('para-jumped'), { once: true })
        return
      }
    }
    scroller.current?.scrollTo({ top: 0 })
  }, [detail, jump, canShowOriginal, setOriginalOn])

  function closeFind() {
    find.hide()
    scroller.current?.focus()
  }

  return (
    <main className={`pane reader-pane${showOriginal ? ' reader-split' : ''}`} aria-label="Reader" aria-busy={loading}>
      {find.open && detail && <FindBar find={find} focusKey={focusKey} onClose={closeFind} />}
      {hasText && (
        <div className="reader-bar" data-offset-ignore="">
          <CaretToggle textRef={scroller} />
          {canShowOriginal && (
            <button type="button" aria-pressed={originalOn} onClick={() => setOriginalOn(!originalOn)} title="Show the original beside the clean text">
              {originalOn ? 'Hide original' : 'Show original'}
            </button>
          )}
        </div>
      )}
      <div className="reader-scroll" ref={scroller} tabIndex={0} aria-label="Source text">
        {loading && (
          <p className="empty-state" role="status">
            Opening source…
          </p>
        )}
        {error && (
          <p className="empty-state" role="alert">
            {error}
          </p>
        )}
        {!sourceId && (
          <p className="empty-state reader-empty">
            {hasSources ? 'Choose a source on the left to read it here.' : 'Import files to start reading. Your sources will appear on the left.'}
          </p>
        )}
        {detail && (
          <article className="reader-article" ref={article} aria-label={detail.title}>
            <SourceHeader detail={detail} />
            {detail.referenceOnly ? (
              <div className="reference-only-note" role="note">
                <p>
                  <strong>Reference only — no text yet.</strong> This source came from the reference file {detail.fileName}: Evident has
                  its record but not its words.
                </p>
                <p>
                  Attach its full text with <em>Attach full text…</em> under the sources list; after that you can read and quote it like
                  any source. Until then you can cite it as a whole work, without a quote.
                </p>
                {renderReferenceActions && <div className="reference-only-actions">{renderReferenceActions(detail)}</div>}
              </div>
            ) : detail.paragraphs.length === 0 ? (
              <p className="empty-state">This source has no text.</p>
            ) : (
              <Paragraphs detail={detail} marks={find.marks} />
            )}
          </article>
        )}
        {hasText && <TextCaretLayer scrollerRef={scroller} textSelector=".para-text" />}
      </div>
      {showOriginal && detail && (
        <section className="original-pane" aria-label="Original" data-offset-ignore="">
          {renderOriginal!(detail, jump?.sourceId === detail.id ? jump : null)}
        </section>
      )}
    </main>
  )
}
