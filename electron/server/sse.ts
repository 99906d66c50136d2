import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventHub } from '../core/app/events'
import { errorPayload, sendError } from './respond'

/** Long enough to be cheap, short enough that proxies and idle timers never drop the stream. */
export const PING_INTERVAL_MS = 15_000

/** How many event streams may be open at once: each holds a connection and a subscription until it closes. */
export class StreamSlots {
  private open = 0
  constructor(private readonly limit: number) {}

  /** Takes a slot, or returns null when all are taken; the release function frees it (once). */
  take(): (() => void) | null {
    if (this.open >= this.limit) return null
    this.open++
    let released = false
    return () => {
      if (released) return
      released = true
      this.open--
    }
  }
}

/** GET /api/events: every core event as one server-sent event, until the page goes away. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, events: Pick<EventHub, 'subscribe'>, slots: StreamSlots): void {
  const release = slots.take()
  if (!release) {
    res.setHeader('Retry-After', '5')
    // Closed, not kept alive: a refused stream must not go on holding one of the server's few connections.
    res.setHeader('Connection', 'close')
    sendError(res, 503, errorPayload('IN_USE', 'Too many Evident windows are listening for changes at once: close one and reload this page.'))
    return
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  // A first comment sends the headers now, so the client's EventSource opens at once.
  res.write(': connected\n\n')
  // JSON.stringify never emits a raw line break, so one data: line always carries the whole payload.
  const unsubscribe = events.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const ping = setInterval(() => res.write(': ping\n\n'), PING_INTERVAL_MS)
  ping.unref()
  const stop = () => {
    clearInterval(ping)
    unsubscribe()
    release()
  }
  req.on('close', stop)
  res.on('close', stop)
}
