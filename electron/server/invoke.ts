import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handlers } from '../shared/contract/index'
import type { ErrorCode } from '../shared/errors'
import { dispatch } from '../core/app/dispatch'
import { AppError, isAppError, toErrorPayload } from '../core/errors'
import { readBody } from './body'
import { collectGarbageSoon, LARGE_BODY_BYTES } from './memory'
import { errorPayload, sendError, sendJson } from './respond'

export interface InvokeDeps {
  handlers: Handlers
  maxBodyBytes: number
  logError: (error: unknown) => void
}

/** HTTP status for a failure from the core; the code and message in the body are what the UI shows. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
      return 400
    case 'UNAUTHORIZED':
      return 401
    case 'FORBIDDEN':
      return 403
    case 'NOT_FOUND':
      return 404
    case 'INTERNAL':
      return 500
    default:
      return 422
  }
}

function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type']
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === 'application/json'
}

function parseEnvelope(body: Buffer): { method: string; args: unknown } {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new AppError('INVALID_INPUT', 'The request body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('INVALID_INPUT', 'The request must be a JSON object with a method and its args.')
  }
  const { method, args } = parsed as { method?: unknown; args?: unknown }
  if (typeof method !== 'string') throw new AppError('INVALID_INPUT', 'The request names no method.')
  return { method, args }
}

/** POST /api/invoke: the same validated dispatch as the IPC door, answered as {ok, value} or {ok, error}. */
export async function handleInvoke(req: IncomingMessage, res: ServerResponse, deps: InvokeDeps): Promise<void> {
  if (!isJsonRequest(req)) {
    sendError(res, 415, errorPayload('INVALID_INPUT', 'Requests must be sent as Content-Type: application/json.'))
    return
  }
  let body: Buffer
  try {
    body = await readBody(req, deps.maxBodyBytes)
  } catch (error) {
    const payload = toErrorPayload(error)
    // The rest of the body is not read: close the connection rather than drain it.
    res.setHeader('Connection', 'close')
    sendError(res, payload.code === 'FILE_TOO_LARGE' ? 413 : 400, payload)
    return
  }
  const large = body.byteLength >= LARGE_BODY_BYTES
  try {
    const { method, args } = parseEnvelope(body)
    const value = await dispatch(deps.handlers, method, args)
    sendJson(res, 200, { ok: true, value: value ?? null })
  } catch (error) {
    if (!isAppError(error)) deps.logError(error)
    const payload = toErrorPayload(error)
    sendError(res, statusForCode(payload.code), payload)
  } finally {
    if (large) res.once('finish', collectGarbageSoon)
  }
}
