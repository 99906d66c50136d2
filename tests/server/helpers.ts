import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/app/core'
import { findParserEntry, findResourcesDir } from '../../electron/core/app/resources'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import { createEvidentServer, type EvidentServerOptions } from '../../electron/server/http'

export const TOKEN = 'test-token-0123456789abcdef'
export const INDEX_HTML = '<!doctype html><title>Evident</title><script type="module" src="/assets/app.js"></script>'

export interface Running {
  core: Core
  server: Server
  base: string
  port: number
  dir: string
  projectPath: string
  close(): Promise<void>
}

/** A real server on a random port over a temp project made from the starter corpus, as browser mode runs it. */
export async function startServer(extra: Partial<EvidentServerOptions> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'evident-server-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")\n')
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser')
  const core = await createCore({
    userDataDir: join(dir, 'user-data'),
    resourcesDir: findResourcesDir(__dirname),
    parser: nodeParserPool(findParserEntry(__dirname)),
  })
  const projectPath = join(dir, 'Test.evident')
  await core.createProject(projectPath, true)
  const server = createEvidentServer({ core, token: TOKEN, rendererDir, logError: () => {}, ...extra })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    core,
    server,
    port,
    dir,
    projectPath,
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * Raw HTTP through node:http rather than fetch: fetch forbids setting Host and Origin, and normalises
 * `..` and backslashes out of URLs, which are exactly what these tests send.
 */
export async function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export interface Envelope {
  ok: boolean
  value?: unknown
  error?: { code: string; message: string }
}

/** An authorised POST to /api/invoke with the body as given: for bodies no well-behaved client would send. */
export function postInvoke(port: number, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return request(port, {
    method: 'POST',
    path: '/api/invoke',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body,
  })
}

export async function invoke(port: number, method: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply & { json: Envelope }> {
  const reply = await postInvoke(port, JSON.stringify({ method, args }), headers)
  return { ...reply, json: JSON.parse(reply.body) as Envelope }
}
