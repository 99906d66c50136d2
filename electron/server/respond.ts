import type { ServerResponse } from 'node:http'
import type { ErrorCode, ErrorPayload } from '../shared/errors'
import { CONTENT_SECURITY_POLICY } from '../shared/web'

export { CONTENT_SECURITY_POLICY }

/** Set on every response, API and static alike: the page carries the token in its URL, so it must not leak. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, error: ErrorPayload): void {
  sendJson(res, status, { ok: false, error })
}

export function errorPayload(code: ErrorCode, message: string): ErrorPayload {
  return { code, message }
}

export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra })
  res.end(text)
}
