import { useEffect, useRef } from 'react'
import type { EventName, Events } from '@shared/events'
import { useApi } from '../api/context'

/** Listens to a core event for the component's lifetime; the latest listener always runs. */
export function useEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const api = useApi()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event])
}
