import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { toEvidentError } from '../api/errors'
import './toast.css'

interface ToastItem {
  id: number
  kind: 'error' | 'info'
  message: string
}

export interface Toaster {
  /** Shows a failed call's plain-English message; never throws. */
  error(error: unknown): void
  info(message: string): void
}

const ToastContext = createContext<Toaster>({ error: (e) => console.error(e), info: () => undefined })

export function useToast(): Toaster {
  return useContext(ToastContext)
}

const ERROR_MS = 12_000
const INFO_MS = 5_000

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), [])

  const push = useCallback(
    (kind: ToastItem['kind'], message: string) => {
      const id = nextId.current++
      // The same message twice in a row is one toast, not a stack of them.
      setItems((list) => [...list.filter((t) => t.message !== message), { id, kind, message }].slice(-4))
      setTimeout(() => dismiss(id), kind === 'error' ? ERROR_MS : INFO_MS)
    },
    [dismiss],
  )

  const toaster = useMemo<Toaster>(
    () => ({
      error: (error) => push('error', toEvidentError(error).message),
      info: (message) => push('info', message),
    }),
    [push],
  )

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      {/* Outside #root, so a toast is still read out while a dialog makes the app inert. */}
      {createPortal(
        <section className="toasts" aria-label="Notifications">
          {items.map((t) => (
            <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
              <span className="toast-message">{t.message}</span>
              <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
        </section>,
        document.body,
      )}
    </ToastContext.Provider>
  )
}
