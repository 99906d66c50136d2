import { useEffect, useRef } from 'react'
import type { EventName, Events } from '../../../electron/shared/events'
import { api } from '../api/client'

/** Listens to a core event for the component's lifetime; the latest listener always runs. */
export function useEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event])
}
