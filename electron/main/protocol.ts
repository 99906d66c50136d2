import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import type { Protocol } from 'electron'
import { isInside, realFileWithin } from '../core/app/real-file'
import { MIME_TYPES } from '../shared/web'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './constants'

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Must run before app 'ready': a standard, secure scheme gets a real origin, fetch() and the web's storage rules. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export type ResolvedPath = { ok: true; file: string; relativePath: string } | { ok: false; status: 400 | 403 }

/**
 * Maps app://evident/<path> to a file under root, refusing anything that could leave it. The raw URL is
 * inspected before any normalisation so that "..", its encodings and absolute paths are refused outright
 * rather than quietly collapsed into some other file.
 */
export function resolveRequestPath(root: string, url: string): ResolvedPath {
  const prefix = `${APP_SCHEME}://${APP_HOST}`
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return { ok: false, status: 403 }
  const rest = url.slice(prefix.length).replace(/[?#].*$/s, '')
  if (rest !== '' && !rest.startsWith('/')) return { ok: false, status: 403 }

  let decoded: string
  try {
    decoded = decodeURIComponent(rest)
  } catch {
    return { ok: false, status: 400 }
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 }

  const segments = decoded.split(/[\\/]/)
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 }
  // "//etc/passwd" or "/C:/Windows": an absolute path smuggled in after the host.
  if (/^[\\/]{2}/.test(decoded) || /^[\\/]?[a-zA-Z]:/.test(decoded)) return { ok: false, status: 403 }

  const relativePath = segments.filter(Boolean).join('/') || 'index.html'
  if (isAbsolute(relativePath)) return { ok: false, status: 403 }
  const rootDir = resolve(root)
  const file = resolve(rootDir, relativePath)
  if (!isInside(rootDir, file)) return { ok: false, status: 403 }
  return { ok: true, file, relativePath: relative(rootDir, file) }
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** Serves the built renderer (out/renderer) read-only. */
export function createAppProtocolHandler(root: string): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed')
    const resolved = resolveRequestPath(root, request.url)
    if (!resolved.ok) return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Bad request')
    // The request path stays inside root; a symlink inside root must not lead out of it either.
    const real = await realFileWithin(root, resolved.relativePath)
    if (!real.ok) return real.reason === 'outside' ? plain(403, 'Forbidden') : plain(404, 'Not found')
    let body: Buffer<ArrayBuffer> | null = null
    if (method === 'GET') {
      try {
        body = await readFile(real.file)
      } catch {
        return plain(404, 'Not found')
      }
    }
    return new Response(body, { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': mimeTypeFor(real.file) } })
  }
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root))
}
