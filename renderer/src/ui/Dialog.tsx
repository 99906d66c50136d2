import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import './dialog.css'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

let openCount = 0

/** While any dialog is open the app behind it is inert: no clicks, no tabbing, hidden from screen readers. */
function setAppInert(inert: boolean): void {
  const root = document.getElementById('root')
  root?.toggleAttribute('inert', inert)
}

export interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons shown at the foot of the dialog. */
  footer?: ReactNode
  size?: 'small' | 'medium' | 'large'
  /** For alert-style dialogs (confirmations) that ask for a decision. */
  role?: 'dialog' | 'alertdialog'
  describedBy?: string
}

export function Dialog({ title, onClose, children, footer, size = 'medium', role = 'dialog', describedBy }: DialogProps) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    openCount += 1
    setAppInert(true)
    const node = panel.current
    // Start where the work is: a marked control, else the first one in the body, the footer, then the ×.
    const first =
      node?.querySelector<HTMLElement>('[data-autofocus]') ??
      node?.querySelector<HTMLElement>(`.dialog-body :is(${FOCUSABLE}), .dialog-footer :is(${FOCUSABLE})`) ??
      node?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? node)?.focus()
    return () => {
      openCount -= 1
      if (openCount === 0) setAppInert(false)
      if (previous?.isConnected) previous.focus()
    }
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      closeRef.current()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'))
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const first = items[0]!
    const last = items[items.length - 1]!
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={`dialog dialog-${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close dialog" onClick={() => closeRef.current()}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  )
}
