import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void

export interface FixtureServer {
  /** http://127.0.0.1:PORT + path */
  url(path: string): string
  /** Every request the server saw, as method + path + query, with its headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[]
  /** Routes by path (without the query); a path with no route answers 404. */
  routes: Map<string, Route>
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1, started by a test, standing in for the web and for the services Evident
 * asks (Crossref, doi.org, E-utilities, arXiv, Open Library, Zotero) with their documented answers.
 * Nothing in a test ever reaches the internet.
 */
export async function startFixtureServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes))
  const requests: FixtureServer['requests'] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push({ path: url.pathname + url.search, headers: req.headers })
    const route = table.get(url.pathname)
    if (route) route(req, res, url)
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    routes: table,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A fixture server for a whole test file (or describe block): started in its beforeAll with the routes `routes()`
 * gives, closed after. The server can be named at once; it answers once the hook has run. With `env`, the
 * addresses it gives (a service's EVIDENT_*_API) are set in this process's environment meanwhile, for a core
 * run in-process, and the environment is put back after.
 */
export function useFixtureServer(
  routes: () => Record<string, Route> | Promise<Record<string, Route>> = () => ({}),
  options: { env?: (server: FixtureServer) => Record<string, string> } = {},
): FixtureServer {
  let server: FixtureServer | undefined
  let saved: NodeJS.ProcessEnv | undefined
  const started = () => {
    if (!server) throw new Error('The fixture server starts in beforeAll: use it in a test or a later hook.')
    return server
  }
  beforeAll(async () => {
    server = await startFixtureServer(await routes())
    if (options.env) {
      saved = { ...process.env }
      Object.assign(process.env, options.env(server))
    }
  })
  afterAll(async () => {
    if (saved) process.env = saved
    await server?.close()
  })
  return {
    url: (path) => started().url(path),
    get requests() {
      return started().requests
    },
    get routes() {
      return started().routes
    },
    close: () => started().close(),
  }
}

export const send =
  (body: string | Uint8Array, contentType = 'text/html; charset=utf-8', status = 200, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers }).end(body)
  }

export const json = (value: unknown, status = 200, headers: Record<string, string> = {}): Route =>
  send(JSON.stringify(value), 'application/json; charset=utf-8', status, headers)

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end()
  }

/** A body that never finishes: a byte every 50 ms, for ever (until the client gives up). */
export const trickle: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' })
  const timer = setInterval(() => res.write('.'), 50)
  res.on('close', () => clearInterval(timer))
}

/** Declares a length, sends part of it and hangs up. */
export const truncated =
  (body: string, contentType = 'text/html'): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body) * 2) })
    res.write(body, () => res.socket?.destroy())
  }

/**
 * A 2 GB body generated as it is sent (never held), with or without a Content-Length; writes stop when the
 * client hangs up. Returns how many bytes it managed to send, so a test can check the client stopped early.
 */
export function hugeBody(declareLength: boolean): { route: Route; sent: () => number } {
  let sent = 0
  const chunk = Buffer.alloc(1024 * 1024, 0x61)
  const total = 2 * 1024 * 1024 * 1024
  const route: Route = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', ...(declareLength ? { 'content-length': String(total) } : {}) })
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      if (sent >= total) res.end()
    }
    pump()
  }
  return { route, sent: () => sent }
}
