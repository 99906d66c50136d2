import type { EvidentApi } from '../../../electron/shared/api'
import type { Args, MethodName, Result } from '../../../electron/shared/contract/index'
import { isErrorPayload } from '../../../electron/shared/errors'
import type { EventName, Events } from '../../../electron/shared/events'
import { EvidentError } from './errors'

export interface HttpDeps {
  fetch: typeof fetch
  EventSource: typeof EventSource
}

function defaultDeps(): HttpDeps {
  return { fetch: (input, init) => globalThis.fetch(input, init), EventSource: globalThis.EventSource }
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. The page is authorised by the HttpOnly session
 * cookie the server set when its one-time start address was opened, so no secret is ever held in script,
 * storage or a URL here; same-origin requests carry the cookie by themselves.
 */
export function createHttpApi(deps: HttpDeps = defaultDeps()): EvidentApi {
  let events: EventSource | null = null

  function stream(): EventSource {
    // One stream for every listener: each EventSource is a long-lived connection.
    events ??= new deps.EventSource('/api/events')
    return events
  }

  async function invoke<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    let response: Response
    try {
      response = await deps.fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, args }),
      })
    } catch {
      throw new EvidentError('NETWORK', 'Evident is not responding. Is the Evident server still running?')
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      throw new EvidentError('INTERNAL', `Evident sent an unreadable answer (HTTP ${response.status}).`)
    }
    if (typeof body === 'object' && body !== null && 'ok' in body) {
      if (body.ok === true && 'value' in body) return body.value as Result<M>
      if (body.ok === false && 'error' in body && isErrorPayload(body.error)) throw new EvidentError(body.error.code, body.error.message)
    }
    throw new EvidentError('INTERNAL', `Evident sent an unexpected answer (HTTP ${response.status}).`)
  }

  function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const source = stream()
    const handler = (e: MessageEvent<string>) => {
      try {
        listener(JSON.parse(e.data))
      } catch (error) {
        console.error(`Evident: bad ${event} event`, error)
      }
    }
    source.addEventListener(event, handler)
    return () => source.removeEventListener(event, handler)
  }

  return { invoke, on }
}
