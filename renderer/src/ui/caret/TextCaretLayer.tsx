import type { RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useTextCaret } from './useTextCaret'
import './caret.css'

/**
 * The visible caret of caret browsing over a text view (drawn above the page, so the view's DOM stays its
 * text), and the live region that tells a screen reader where it went and what it selected.
 */
export function TextCaretLayer({ scrollerRef, textSelector }: { scrollerRef: RefObject<HTMLElement | null>; textSelector: string }) {
  const { box, said } = useTextCaret(scrollerRef, textSelector)
  return (
    <>
      {box &&
        createPortal(
          <div className="text-caret" aria-hidden="true" data-testid="text-caret" style={{ left: box.left - 1, top: box.top, height: box.height }} />,
          document.body,
        )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {said}
      </div>
    </>
  )
}
