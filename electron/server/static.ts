import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { realFileWithin } from '../core/app/real-file'
import { MIME_TYPES } from '../shared/web'
import { sendText } from './respond'


type Resolved = { ok: true; relativePath: string } | { ok: false; status: 400 | 404 }

/**
 * Turns a request path into a path inside the renderer folder, or refuses. Checked on the raw and the
 * decoded form, because WHATWG URL parsing would quietly fold `..`, `%2e%2e` and `\` away.
 */
export function resolveStaticPath(rawUrl: string): Resolved {
  const rawPath = rawUrl.split('?')[0]!.split('#')[0]!
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return { ok: false, status: 400 }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { ok: false, status: 400 }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 }
  const segments = decoded.split('/').slice(1)
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 404 }
  const relativePath = decoded === '/' ? 'index.html' : segments.join('/')
  if (relativePath === '' || relativePath.endsWith('/')) return { ok: false, status: 404 }
  return { ok: true, relativePath }
}

/** GET/HEAD of the renderer build. Needs no token: nothing here is secret, the data is behind /api. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string): Promise<void> {
  const resolved = resolveStaticPath(req.url ?? '/')
  if (!resolved.ok) return sendText(res, resolved.status, resolved.status === 400 ? 'Bad request.' : 'Not found.')
  // Real paths on both sides, so a symlink inside the build cannot lead outside it.
  const real = await realFileWithin(rendererDir, resolved.relativePath)
  if (!real.ok) return sendText(res, 404, 'Not found.')
  const { file, size } = real
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': size }
  // index.html carries the entry's hashed asset names: always fetch it fresh after a rebuild.
  if (resolved.relativePath === 'index.html') headers['Cache-Control'] = 'no-store'
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
