import { useCallback, useEffect, useRef, useState } from 'react'
import type { EvidentApi } from '@shared/api'
import type { EventName } from '@shared/events'
import { useApi } from './context'

export interface CoreList<T> {
  /** The last answer; `initial` until the first one arrives, kept when a later ask fails. */
  value: T
  /** True until the first answer (or failure) has arrived. */
  loading: boolean
  /** Why the last ask failed, as it was thrown; null once an answer arrives. */
  error: unknown
  reload: () => void
}

/**
 * What `ask` answers, asked again on `reload` and whenever one of the core's `events` arrives (a project switch
 * among them, for lists of the open project). An answer that arrives after a newer ask, or after unmount, is
 * dropped, so a slow old answer never overwrites a fresh one.
 */
export function useCoreList<T>(ask: (api: EvidentApi) => Promise<T>, initial: T, events: readonly EventName[]): CoreList<T> {
  const api = useApi()
  const [state, setState] = useState<Omit<CoreList<T>, 'reload'>>({ value: initial, loading: true, error: null })
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  const latestAsk = useRef(ask)
  useEffect(() => {
    latestAsk.current = ask
  })
  const eventKey = events.join(' ')
  useEffect(() => {
    const offs = (eventKey.split(' ') as EventName[]).map((event) => api.on(event, reload))
    return () => offs.forEach((off) => off())
  }, [api, eventKey, reload])

  useEffect(() => {
    let stale = false
    latestAsk
      .current(api)
      .then((value) => !stale && setState({ value, loading: false, error: null }))
      .catch((error: unknown) => !stale && setState((s) => ({ ...s, loading: false, error })))
    return () => {
      stale = true
    }
  }, [api, version])

  return { ...state, reload }
}
