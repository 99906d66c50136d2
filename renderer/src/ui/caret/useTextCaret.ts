import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { caretMoveFor, type CaretMove } from './caret-keys'
import { useCaretBrowsing } from './caret-setting'
import { firstVisiblePoint, isTextPoint, pointBox, textBetween, textEdge, type Point } from './text-points'

export interface TextCaret {
  /** Where the caret is drawn (viewport coordinates), or null while it is not shown. */
  box: { left: number; top: number; height: number } | null
  /** What a screen reader is told: the words the caret passed, what was selected, or how to start. */
  said: string
}

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)
/** Room kept above and below the caret when the text scrolls to follow it. */
const SCROLL_MARGIN = 48
/** Selection.modify may step onto the aria-hidden margin between paragraphs; a few more steps pass it. */
const MAX_STEPS = 8
const SAID_MAX = 300

export const CARET_ON = 'Caret browsing on: the arrow keys move the caret, with Shift they select, Ctrl+Enter makes a claim of the selection. F7 turns it off.'
export const CARET_OFF = 'Caret browsing off.'
export const CARET_HINT = 'To select text with the keyboard, turn on caret browsing: press F7.'

const focusOf = (sel: Selection): Point | null => (sel.focusNode ? { node: sel.focusNode, offset: sel.focusOffset } : null)
const INTERACTIVE = 'input, textarea, select, button, a[href], [contenteditable="true"]'

function inView(scroller: Element, box: TextCaret['box']): box is NonNullable<TextCaret['box']> {
  const view = scroller.getBoundingClientRect()
  return !!box && box.top + box.height > view.top && box.top < view.bottom
}

function spoken(text: string): string {
  const t = text.replace(/\s+/g, ' ')
  if (t === ' ') return 'space'
  if (t === '') return 'blank'
  return t.length > SAID_MAX ? `${t.slice(0, SAID_MAX)}…` : t
}

/**
 * Caret browsing in a text the analyst reads but does not edit (F7 in browsers): the selection's focus is the
 * caret, moved with Selection.modify, kept inside the view's text (`textSelector`), drawn by the caller at
 * `box`, and followed by the scroller. So Shift+arrows make a real DOM selection, the one Ctrl+Enter already
 * turns into a claim, and a click in the text puts the caret where it lands.
 */
export function useTextCaret(scrollerRef: RefObject<HTMLElement | null>, textSelector: string): TextCaret {
  const on = useCaretBrowsing()
  const [box, setBox] = useState<TextCaret['box']>(null)
  const [said, setSaid] = useState('')
  // The same words twice in a row must still be read out: a trailing no-break space makes them new text.
  const flip = useRef(false)
  const say = useCallback((text: string) => {
    flip.current = !flip.current
    setSaid(text + (flip.current ? '\u00a0' : ''))
  }, [])

  const place = useCallback(() => {
    const scroller = scrollerRef.current
    const sel = document.getSelection()
    const focus = sel && focusOf(sel)
    if (!on || !scroller || !focus || !scroller.contains(document.activeElement) || !isTextPoint(scroller, textSelector, focus.node)) {
      return setBox(null)
    }
    const b = pointBox(focus)
    setBox(inView(scroller, b) ? b : null)
  }, [on, scrollerRef, textSelector])

  /**
   * Puts the caret at the top of what is on screen, unless the analyst's caret or selection is already in the
   * text. A bare caret the text has scrolled away from moves to where the analyst is reading.
   */
  const start = useCallback((): boolean => {
    const scroller = scrollerRef.current
    const sel = document.getSelection()
    if (!scroller || !sel) return false
    const focus = focusOf(sel)
    if (focus && isTextPoint(scroller, textSelector, focus.node) && (!sel.isCollapsed || inView(scroller, pointBox(focus)))) return false
    const point = firstVisiblePoint(scroller, scroller, textSelector)
    if (point) sel.collapse(point.node, point.offset)
    return !!point
  }, [scrollerRef, textSelector])

  const follow = useCallback(() => {
    const scroller = scrollerRef.current
    const sel = document.getSelection()
    const focus = sel && focusOf(sel)
    const b = focus && pointBox(focus)
    if (!scroller || !b) return
    const view = scroller.getBoundingClientRect()
    if (b.top < view.top + SCROLL_MARGIN) scroller.scrollTop -= view.top + SCROLL_MARGIN - b.top
    else if (b.top + b.height > view.bottom - SCROLL_MARGIN) scroller.scrollTop += b.top + b.height - (view.bottom - SCROLL_MARGIN)
  }, [scrollerRef])

  const move = useCallback(
    (sel: Selection, scroller: HTMLElement, m: CaretMove) => {
      const before = { anchor: sel.anchorNode, anchorOffset: sel.anchorOffset, focus: focusOf(sel)!, length: sel.toString().length }
      if (m.granularity === 'textboundary') {
        const edge = textEdge(scroller, textSelector, m.direction === 'forward')
        if (!edge) return
        if (m.alter === 'extend') sel.extend(edge.node, edge.offset)
        else sel.collapse(edge.node, edge.offset)
      } else {
        for (let i = 0; i < MAX_STEPS; i++) {
          sel.modify(m.alter, m.direction, m.granularity)
          if (isTextPoint(scroller, textSelector, sel.focusNode)) break
        }
      }
      const after = focusOf(sel)
      if (!after || !isTextPoint(scroller, textSelector, after.node)) {
        // Past the first or last word: the caret stays, as at the end of a text field.
        sel.setBaseAndExtent(before.anchor!, before.anchorOffset, before.focus.node, before.focus.offset)
        return say(m.direction === 'forward' ? 'End of the text' : 'Start of the text')
      }
      // As screen readers read a text field: what was (un)selected; else the character, word or line now at the caret.
      if (m.alter === 'extend') {
        const passed = textBetween(scroller, textSelector, before.focus, after)
        say(`${sel.toString().length >= before.length ? 'Selected' : 'Unselected'}: ${spoken(passed)}`)
      } else if (m.granularity === 'character') say(spoken(unitAt(sel, scroller, textSelector, 'character')))
      else say(spoken(unitAt(sel, scroller, textSelector, m.granularity === 'word' ? 'word' : 'line')))
    },
    [say, textSelector],
  )

  useEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const el: HTMLElement = scroller
    let frame = 0
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()))
    }
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || (e.target instanceof Element && e.target.closest(INTERACTIVE))) return
      const m = caretMoveFor(e, MAC)
      if (!m) return
      if (!on) {
        if (e.shiftKey) say(CARET_HINT)
        return
      }
      const sel = document.getSelection()
      if (!sel) return
      e.preventDefault()
      // The first caret key shows the caret where reading is; the next ones move it.
      if (!start()) move(sel, el, m)
      follow()
      place()
    }
    function onFocusIn() {
      if (on) start()
      schedule()
    }
    el.addEventListener('keydown', onKeyDown)
    el.addEventListener('focusin', onFocusIn)
    el.addEventListener('focusout', schedule)
    el.addEventListener('scroll', schedule, { passive: true })
    document.addEventListener('selectionchange', schedule)
    window.addEventListener('resize', schedule)
    schedule()
    return () => {
      el.removeEventListener('keydown', onKeyDown)
      el.removeEventListener('focusin', onFocusIn)
      el.removeEventListener('focusout', schedule)
      el.removeEventListener('scroll', schedule)
      document.removeEventListener('selectionchange', schedule)
      window.removeEventListener('resize', schedule)
      cancelAnimationFrame(frame)
    }
  }, [scrollerRef, on, place, start, move, follow, say])

  // Switched while reading this text (F7 here, or the reader's toggle): say so, and show the caret at once.
  const was = useRef(on)
  useEffect(() => {
    if (was.current === on) return
    was.current = on
    const scroller = scrollerRef.current
    if (!scroller?.contains(document.activeElement)) return
    if (on) start()
    say(on ? CARET_ON : CARET_OFF)
  }, [on, scrollerRef, start, say])

  return { box, said }
}

/** The character, word or line at the caret, read by moving the selection over it and back. */
function unitAt(sel: Selection, scroller: Element, textSelector: string, unit: 'character' | 'word' | 'line'): string {
  const keep = { anchor: sel.anchorNode!, anchorOffset: sel.anchorOffset, focus: sel.focusNode!, focusOffset: sel.focusOffset }
  sel.collapse(keep.focus, keep.focusOffset)
  if (unit === 'line') sel.modify('move', 'backward', 'lineboundary')
  const from = focusOf(sel)!
  sel.modify('extend', 'forward', unit === 'line' ? 'lineboundary' : unit)
  const to = focusOf(sel)!
  sel.setBaseAndExtent(keep.anchor, keep.anchorOffset, keep.focus, keep.focusOffset)
  return textBetween(scroller, textSelector, from, to)
}
