import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Core } from '../core/app/core'
import { toErrorPayload } from '../core/errors'
import { BrowserAuth } from './auth'
import { isAllowedHost, isAllowedOrigin } from './guard'
import { handleDownload, handleUpload } from './files'
import { handleInvoke } from './invoke'
import { applySecurityHeaders, errorPayload, sendError, sendText } from './respond'
import { handleEvents, StreamSlots } from './sse'
import { serveStatic } from './static'

/** Matches the largest import (100 MB of file as base64 inside JSON) with room to spare. */
export const MAX_REQUEST_BYTES = 200 * 1024 * 1024

export interface EvidentServerOptions {
  core: Pick<Core, 'handlers' | 'events' | 'files'>
  token: string
  rendererDir: string
  /** Tests lower this to prove the 413 without sending 200 MB. */
  maxBodyBytes?: number
  /** The largest file an upload may carry (MAX_IMPORT_FILE_BYTES; tests lower it). */
  maxUploadBytes?: number
  /** Where failures that are not AppErrors go; the client only ever sees INTERNAL. */
  logError?: (error: unknown) => void
  /** How long a connection may take to send its request headers (tests lower it). */
  headersTimeoutMs?: number
  /** Event streams open at once; one page needs one, a few tabs a few. */
  maxEventStreams?: number
  /** Connections open at once; past this, new ones are dropped until some close. */
  maxConnections?: number
}

/**
 * Limits for a server that only one local page should ever use: a connection that dawdles over its headers or
 * its body is closed, idle keep-alive connections are not kept long, and the number of connections and of
 * event streams is capped, so nothing on this machine can tie the server up or grow it without end.
 */
export const SERVER_LIMITS = {
  headersTimeoutMs: 10_000,
  /** A 200 MB import on loopback takes a few seconds; two minutes leaves room on a slow disk. */
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxEventStreams: 16,
  maxConnections: 128,
}

function allow(res: ServerResponse, methods: string): void {
  res.setHeader('Allow', methods)
  sendError(res, 405, errorPayload('INVALID_INPUT', `This address only accepts ${methods}.`))
}

export interface EvidentServer extends Server {
  /** A one-time code for the start address (`/?code=…`): its first use gives that browser a session. */
  issueCode(): string
}

/** The browser-mode door: the contract over HTTP, for one local page (see auth.ts for how it is known). */
export function createEvidentServer(options: EvidentServerOptions): EvidentServer {
  if (!options.token) throw new Error('The browser-mode server needs a token for programmatic clients.')
  const logError = options.logError ?? ((error: unknown) => console.error('[evident] request failed:', error))
  const maxBodyBytes = options.maxBodyBytes ?? MAX_REQUEST_BYTES

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res)
    const port = currentPort()
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2)
    const isApi = path.startsWith('/api/')
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      const message = 'This request did not come from the Evident page, so it was refused.'
      return isApi ? sendError(res, 403, errorPayload('FORBIDDEN', message)) : sendText(res, 403, message)
    }
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return allow(res, 'GET, HEAD')
      if (auth.redeemFromPage(req, res, path, new URLSearchParams(query))) return
      return serveStatic(req, res, options.rendererDir)
    }
    if (path === '/api/invoke') {
      if (req.method !== 'POST') return allow(res, 'POST')
      if (!auth.isAuthorised(req)) return unauthorized(res)
      return handleInvoke(req, res, { handlers: options.core.handlers, maxBodyBytes, logError })
    }
    if (path === '/api/files') {
      if (req.method !== 'POST') return allow(res, 'POST')
      if (!auth.isAuthorised(req)) return unauthorized(res)
      return handleUpload(req, res, options.core.files, new URLSearchParams(query), options.maxUploadBytes)
    }
    if (path.startsWith('/api/files/')) {
      if (req.method !== 'GET') return allow(res, 'GET')
      if (!auth.isAuthorised(req)) return unauthorized(res)
      return handleDownload(res, options.core.files, path.slice('/api/files/'.length))
    }
    if (path === '/api/events') {
      if (req.method !== 'GET') return allow(res, 'GET')
      if (!auth.isAuthorised(req)) return unauthorized(res)
      return handleEvents(req, res, options.core.events, streams)
    }
    sendError(res, 404, errorPayload('NOT_FOUND', 'There is nothing at this address.'))
  }

  const currentPort = () => (server.address() as AddressInfo | null)?.port ?? -1
  const auth = new BrowserAuth(options.token, currentPort)
  const headersTimeout = options.headersTimeoutMs ?? SERVER_LIMITS.headersTimeoutMs
  const streams = new StreamSlots(options.maxEventStreams ?? SERVER_LIMITS.maxEventStreams)
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, SERVER_LIMITS.requestTimeoutMs),
      keepAliveTimeout: SERVER_LIMITS.keepAliveTimeoutMs,
      // How often Node looks for connections past those limits (its default, 30 s, lets one dawdle for long).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        logError(error)
        if (res.headersSent) res.destroy()
        else sendError(res, 500, toErrorPayload(error))
      })
    },
  )
  server.maxConnections = options.maxConnections ?? SERVER_LIMITS.maxConnections
  return Object.assign(server, { issueCode: () => auth.issueCode() })
}

function unauthorized(res: ServerResponse): void {
  res.setHeader('WWW-Authenticate', 'Bearer')
  sendError(
    res,
    401,
    errorPayload('UNAUTHORIZED', 'This page has no Evident session. Open Evident from the address browser mode printed (each address works once), or restart it for a new one.'),
  )
}
