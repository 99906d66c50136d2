import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { useEvent } from '../../ui/useEvent'
import { useClaimsUi } from './claims-ui'
import { draftFor, selectedSpan } from './selection-draft'
import { isOutsideText } from '../../ui/source-offsets'

export interface SelectionToClaim {
  /** Where to show the "New claim" popover (viewport coordinates), or null when nothing is selected. */
  anchor: { x: number; y: number } | null
  /** Why the last attempt made no claim, for a status message. */
  message: string | null
  clearMessage: () => void
  /** Makes a claim (or re-attaches the waiting one) from the current selection. */
  claimSelection: () => Promise<void>
}

const MESSAGE_MS = 6000

const isClaimShortcut = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey

/**
 * Selection in the reader → claim form. Ctrl+Enter is only taken when the selection or the focus is in the
 * reader, so other panes (the brief editor) keep the shortcut. The source text is fetched when first needed.
 */
export function useSelectionToClaim(containerRef: RefObject<HTMLElement | null>, sourceId: string | null): SelectionToClaim {
  const api = useApi()
  const ui = useClaimsUi()
  const [anchor, setAnchor] = useState<{ x: number; y: number } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const detail = useRef<Promise<SourceDetail> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    detail.current = null
  }, [sourceId])
  useEvent('sources.changed', () => {
    detail.current = null
  })

  const say = useCallback((text: string) => {
    setMessage(text)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setMessage(null), MESSAGE_MS)
  }, [])
  useEffect(() => () => clearTimeout(timer.current), [])

  const claimSelection = useCallback(async () => {
    const container = containerRef.current
    if (!container || !sourceId) return say('Open a source and select a passage to make a claim.')
    // The core checks a re-attached quote against the claim's own source, so say so before it refuses.
    if (ui.reattaching && ui.reattaching.sourceId !== sourceId) {
      return say('This claim belongs to another source: open that source, then select the passage there.')
    }
    const span = selectedSpan(container, container.ownerDocument.getSelection())
    if (!span.ok) return say(span.message)
    try {
      detail.current ??= api.invoke('sources.get', { id: sourceId })
      const draft = draftFor(span.value, await detail.current)
      if (!draft.ok) return say(draft.message)
      setAnchor(null)
      if (ui.reattaching) await ui.reattach({ start: draft.value.start, end: draft.value.end, exact: draft.value.exact })
      else ui.newClaim(draft.value)
    } catch (e) {
      detail.current = null
      say(toEvidentError(e).message)
    }
  }, [api, containerRef, sourceId, say, ui])

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const container = containerRef.current
      if (!isClaimShortcut(e) || !container) return
      const selection = document.getSelection()
      const inReader = (selection?.anchorNode && container.contains(selection.anchorNode)) || container.contains(document.activeElement)
      if (!inReader || isOutsideText(selection?.anchorNode ?? null) || isOutsideText(document.activeElement)) return
      e.preventDefault()
      void claimSelection()
    }
    // A popover over a selection that has gone (or moved out of the reader) would create the wrong claim.
    function onSelectionChange() {
      const container = containerRef.current
      const selection = document.getSelection()
      if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return setAnchor(null)
      const range = selection.getRangeAt(0)
      if (!container.contains(range.commonAncestorContainer) || isOutsideText(range.commonAncestorContainer)) return setAnchor(null)
      // Just under the end of the selection, where the pointer usually is when a drag-select ends.
      const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null
      const last = rects?.[rects.length - 1]
      if (last) setAnchor({ x: last.right, y: last.bottom })
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('selectionchange', onSelectionChange)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('selectionchange', onSelectionChange)
    }
  }, [containerRef, claimSelection])

  return { anchor, message, clearMessage: () => setMessage(null), claimSelection }
}
