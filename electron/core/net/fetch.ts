import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { AppError } from '../errors'
import { shortAddress, webAddress } from './address'
import { connectionError, statusError } from './messages'

/** A page that trickles forever still ends: the whole fetch of one address, redirects included. */
export const DEFAULT_DEADLINE_MS = 30_000
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000
export const MAX_REDIRECTS = 10
export const USER_AGENT = 'Evident/0.1 (evidence-based policy briefs; desktop app)'

export interface FetchOptions {
  /** The Accept header: a media type the service documents (CSL-JSON for DOI content negotiation). */
  accept?: string
  /** Bytes of the body once decompressed; defaults to the import limit for one file. */
  maxBytes?: number
  deadlineMs?: number
  connectTimeoutMs?: number
  maxRedirects?: number
  /** Cancel: the request is ended and the fetch rejects with CANCELLED. */
  signal?: AbortSignal
}

export interface Fetched {
  requestedUrl: string
  /** Where the document was found after redirects. */
  finalUrl: string
  status: number
  /** The media type, lower case, without parameters ('' when the server sent none). */
  contentType: string
  bytes: Uint8Array
  fetchedAt: string
  /** The final answer's headers (a service's counts, such as Zotero's Total-Results). */
  headers: http.IncomingHttpHeaders
}

const MB = 1024 * 1024
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * The one way Evident fetches anything: http(s) only, each redirect checked the same way (a redirect to
 * file: or javascript: is refused), a connect timeout and an overall deadline, a size cap counted on the
 * bytes actually received, and a message the analyst can act on for every way it can fail.
 */
export async function fetchAddress(address: string | URL, options: FetchOptions = {}): Promise<Fetched> {
  const requested = typeof address === 'string' ? webAddress(address) : address
  return withDeadline(requested, options, async (signal) => {
    const seen = new Set<string>()
    let url = requested
    for (;;) {
      seen.add(url.href)
      const response = await request(url, options, signal)
      const status = response.statusCode ?? 0
      if (REDIRECTS.has(status) && response.headers.location) {
        response.destroy()
        url = nextHop(url, response.headers.location, seen, options.maxRedirects ?? MAX_REDIRECTS)
        continue
      }
      if (status < 200 || status > 299) {
        response.destroy()
        throw statusError(url.href, status, header(response.headers['retry-after']))
      }
      const bytes = await readBody(url.href, response, options.maxBytes ?? MAX_IMPORT_FILE_BYTES, signal)
      const contentType = (header(response.headers['content-type']) ?? '').split(';')[0]!.trim().toLowerCase()
      return { requestedUrl: requested.href, finalUrl: url.href, status, contentType, bytes, fetchedAt: new Date().toISOString(), headers: response.headers }
    }
  })
}

/**
 * One request whose redirect is the answer, not followed: where its Location points, as sent. Zotero answers
 * a request for an attachment's file with a redirect to a file:// URL, which fetchAddress rightly refuses to
 * follow; the caller decides what such a target may be.
 */
export async function fetchRedirectTarget(address: URL, options: Pick<FetchOptions, 'signal' | 'deadlineMs' | 'connectTimeoutMs'> = {}): Promise<string> {
  return withDeadline(address, options, async (signal) => {
    const response = await request(address, options, signal)
    const status = response.statusCode ?? 0
    const location = header(response.headers.location)
    response.destroy()
    if (REDIRECTS.has(status) && location) return location
    if (status < 200 || status > 299) throw statusError(address.href, status, header(response.headers['retry-after']))
    throw new AppError('NETWORK_ERROR', `${shortAddress(address.href)} answered ${status} without saying where the file is.`)
  })
}

/** The deadline over a whole fetch (redirects included) and the caller's Cancel, as one signal. */
async function withDeadline<T>(url: URL, options: Pick<FetchOptions, 'signal' | 'deadlineMs'>, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS
  const stop = new AbortController()
  const timer = setTimeout(() => stop.abort(new AppError('TIMED_OUT', `${shortAddress(url.href)} did not finish arriving within ${Math.round(deadlineMs / 1000)} seconds, so Evident stopped waiting.`)), deadlineMs)
  const cancel = () => stop.abort(new AppError('CANCELLED', 'Cancelled.'))
  if (options.signal?.aborted) cancel()
  options.signal?.addEventListener('abort', cancel, { once: true })
  try {
    return await run(stop.signal)
  } catch (error) {
    throw stop.signal.aborted && stop.signal.reason instanceof AppError ? stop.signal.reason : error
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', cancel)
  }
}

function nextHop(from: URL, location: string, seen: Set<string>, limit: number): URL {
  let next: URL
  try {
    next = new URL(location, from)
  } catch {
    throw new AppError('NETWORK_ERROR', `${shortAddress(from.href)} redirected to something that is not an address.`)
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new AppError('FORBIDDEN', `${shortAddress(from.href)} redirected to a ${next.protocol} address, which Evident does not follow.`)
  }
  if (seen.has(next.href)) throw new AppError('NETWORK_ERROR', `${shortAddress(from.href)} redirects in a loop, so there is no page to fetch.`)
  if (seen.size > limit) throw new AppError('NETWORK_ERROR', `${shortAddress(from.href)} redirected more than ${limit} times, so Evident stopped following it.`)
  return next
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function request(url: URL, options: Pick<FetchOptions, 'accept' | 'connectTimeoutMs'>, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get
    const req = get(url, {
      agent: false,
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: options.accept ?? 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    })
    const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
    req.on('socket', (socket) => {
      if (!socket.connecting) return
      const timer = setTimeout(() => req.destroy(new AppError('TIMED_OUT', `${url.host} did not accept a connection within ${Math.round(connectMs / 1000)} seconds: it may be down, or this computer offline.`)), connectMs)
      socket.once('connect', () => clearTimeout(timer))
      socket.once('close', () => clearTimeout(timer))
    })
    req.once('response', resolve)
    req.once('error', (error: NodeJS.ErrnoException) => reject(error instanceof AppError || signal.aborted ? error : connectionError(url.href, error)))
  })
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((header(response.headers['content-encoding']) ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip())
    case 'deflate':
      return response.pipe(createInflate())
    case 'br':
      return response.pipe(createBrotliDecompress())
    default:
      return response
  }
}

async function readBody(address: string, response: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(header(response.headers['content-length']))
  const tooLarge = (size: string) =>
    new AppError('FILE_TOO_LARGE', `${shortAddress(address)} is ${size}: Evident fetches at most ${Math.round(maxBytes / MB)} MB from one address.`)
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy()
    throw tooLarge(`${Math.round(declared / MB)} MB`)
  }
  const truncated = () => new AppError('NETWORK_ERROR', `The connection closed before all of ${shortAddress(address)} arrived: try again.`)
  const body = decoded(response)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) {
        response.destroy()
        throw tooLarge(`larger than ${Math.round(maxBytes / MB)} MB (Evident stopped reading it there)`)
      }
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof AppError || signal.aborted) throw error
    throw truncated()
  }
  if (!response.complete) throw truncated()
  return new Uint8Array(Buffer.concat(chunks, size))
}
