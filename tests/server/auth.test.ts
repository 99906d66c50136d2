import { get, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidentServer } from '../../electron/server/http'
import { request, startServer, type Running } from './helpers'

/** A page's API call as the browser makes it: the session cookie, same origin, no token. */
function invokeWithCookie(port: number, cookie: string | undefined, extra: Record<string, string> = {}) {
  return request(port, {
    method: 'POST',
    path: '/api/invoke',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...extra },
    body: JSON.stringify({ method: 'project.info', args: {} }),
  })
}
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!

describe('browser mode knows its page by a one-time code traded for a session cookie', () => {
  let app: Running
  let code: () => string
  beforeAll(async () => {
    app = await startServer()
    code = () => (app.server as EvidentServer).issueCode()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('trades a valid code once for an HttpOnly, SameSite=Strict cookie and sends the page on without the code', async () => {
    const reply = await request(app.port, { path: `/?code=${code()}&brief=b1` })
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/?brief=b1')
    const setCookie = String(reply.headers['set-cookie'])
    expect(setCookie).toMatch(new RegExp(`^evident-session-${app.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`))
    const api = await invokeWithCookie(app.port, cookieOf(reply.headers['set-cookie']))
    expect(api.status).toBe(200)
  })

  it('a replayed, wrong or missing code gives no session', async () => {
    const once = code()
    expect((await request(app.port, { path: `/?code=${once}` })).status).toBe(303)
    const replay = await request(app.port, { path: `/?code=${once}` })
    expect(replay.status).toBe(401)
    expect(replay.headers['set-cookie']).toBeUndefined()
    expect(replay.body).toMatch(/already been used/)
    expect((await request(app.port, { path: '/?code=not-a-code' })).status).toBe(401)
    expect((await invokeWithCookie(app.port, undefined)).status).toBe(401)
    expect((await invokeWithCookie(app.port, `evident-session-${app.port}=forged`)).status).toBe(401)
  })

  it('a reload of the start address in the browser that already has the session just goes on to the page', async () => {
    const first = await request(app.port, { path: `/?code=${code()}` })
    const cookie = cookieOf(first.headers['set-cookie'])
    const reload = await request(app.port, { path: first.headers.location + `?code=dead`, headers: { Cookie: cookie } })
    expect(reload.status).toBe(303)
    expect(reload.headers['set-cookie']).toBeUndefined()
  })

  it('the cookie is no use from another origin, nor through a rebound host name', async () => {
    const first = await request(app.port, { path: `/?code=${code()}` })
    const cookie = cookieOf(first.headers['set-cookie'])
    expect((await invokeWithCookie(app.port, cookie, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await invokeWithCookie(app.port, cookie, { Host: 'evil.example' })).status).toBe(403)
  })

  it('the event stream takes the cookie, with no token in its address', async () => {
    const first = await request(app.port, { path: `/?code=${code()}` })
    const cookie = cookieOf(first.headers['set-cookie'])
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port: app.port, path: '/api/events', headers: { Cookie: cookie } }, resolve).on('error', reject),
    )
    expect(res.statusCode).toBe(200)
    res.destroy()
  })

  it('pages say the code never travels on: no Referer is sent from them', async () => {
    const first = await request(app.port, { path: `/?code=${code()}` })
    const page = await request(app.port, { path: '/', headers: { Cookie: cookieOf(first.headers['set-cookie']) } })
    expect(page.headers['referrer-policy']).toBe('no-referrer')
  })
})
