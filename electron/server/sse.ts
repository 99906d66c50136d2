import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventHub } from '../core/app/events'

/** Long enough to be cheap, short enough that proxies and idle timers never drop the stream. */
export const PING_INTERVAL_MS = 15_000

/** GET /api/events: every core event as one server-sent event, until the page goes away. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, events: Pick<EventHub, 'subscribe'>): void {
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
  }
  req.on('close', stop)
  res.on('close', stop)
}
