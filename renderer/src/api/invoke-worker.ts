import { invokeRequestInit, type InvokeReply, type InvokeRequest } from './invoke-message'

/**
 * Sends large calls (a 60-page brief's autosave is ~1.4 MB) from a worker: in Chromium, serialising such a
 * body and handing it to fetch costs 15–20 ms of the thread it runs on, which on the page is a dropped frame
 * beside a keystroke. Here it costs the page only the copy of one string into this worker.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<InvokeRequest>) => void) | null; postMessage(reply: InvokeReply): void }

scope.onmessage = (event) => {
  const { id, method, args } = event.data
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
