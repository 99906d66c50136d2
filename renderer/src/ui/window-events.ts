import { useEffect, useRef } from 'react'

/**
 * A window event one feature sends another, named and typed once in the owning feature's events.ts, so
 * neither side depends on the other's internals. Send with emitWindowEvent, hear with listenWindowEvent or
 * useWindowEvent: tests/renderer/window-events.test.ts checks every event is both sent and heard in the app.
 */
export interface WindowEvent<Detail> {
  readonly name: `evident:${string}`
  /** Never set: carries the detail's type from the definition to both ends. */
  readonly detail?: Detail
}

export function defineWindowEvent<Detail>(name: `evident:${string}`): WindowEvent<Detail> {
  return { name }
}

export function emitWindowEvent<Detail>(event: WindowEvent<Detail>, detail: Detail): void {
  window.dispatchEvent(new CustomEvent<Detail>(event.name, { detail }))
}

/** Hears the event until the returned function is called. */
export function listenWindowEvent<Detail>(event: WindowEvent<Detail>, listener: (detail: Detail) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<Detail>).detail)
  window.addEventListener(event.name, handler)
  return () => window.removeEventListener(event.name, handler)
}

/** Hears the event for the component's lifetime; the latest listener always runs. */
export function useWindowEvent<Detail>(event: WindowEvent<Detail>, listener: (detail: Detail) => void): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => listenWindowEvent(event, (detail) => latest.current(detail)), [event])
}
