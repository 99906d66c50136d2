import { invokeRequestInit, type InvokeReply, type InvokeRequest } from './invoke-message'
import { applyTextDelta } from './text-delta'

/**
 * Sends large calls (a 60-page brief's autosave is ~1.4 MB) from a worker: in Chromium, serialising such a
 * body and handing it to fetch costs 15–20 ms of the thread it runs on, which on the page is a dropped frame
 * beside a keystroke. The page sends only what changed since the text this worker kept (see text-delta.ts).
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<InvokeRequest>) => void) | null; postMessage(reply: InvokeReply): void }

let kept: string | null = null

scope.onmessage = (event) => {
  const { id, method, delta, keep } = event.data
  const args = { ...event.data.args }
  if (delta) {
    // Messages arrive in the order sent, so the page's idea of what is kept here is always this one.
    if (kept === null) return scope.postMessage({ id, kind: 'unreachable' })
    args[delta.key] = applyTextDelta(kept, delta)
  }
  if (keep !== undefined) kept = args[keep] as string
  void fetch('/api/invoke', invokeRequestInit(method, args)).then(
    async (response) => {
      let body: unknown = null
      let readable = true
      try {
        body = await response.json()
      } catch {
        readable = false
      }
      scope.postMessage({ id, kind: 'answer', status: response.status, body, readable })
    },
    () => scope.postMessage({ id, kind: 'unreachable' }),
  )
}
