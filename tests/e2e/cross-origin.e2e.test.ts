import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { SourceSummary } from '@shared/dto/sources'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { callApi, launchBrowser, startServer, type EvidentServer } from './harness'

/**
 * Another page on this machine (any port of 127.0.0.1 is the same *site*, so SameSite=Strict does not stop
 * the browser sending the session cookie to Evident from it) tries to use the analyst's session. Only the
 * server's Origin check stands in the way, and this proves it does, in a real browser holding the cookie.
 */
describe('a page from another origin in the browser that has the Evident session', () => {
  let evident: EvidentServer
  let evil: FixtureServer
  let browser: Browser
  beforeAll(async () => {
    evident = await startServer()
    evil = await startFixtureServer({
      '/': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Not Evident</title><p>hello</p>'),
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await evil?.close()
    await evident?.stop()
  })

  it('cannot read, change or listen to the project, with the cookie sent or not', async () => {
    const context = await browser.newContext()
    const app = await context.newPage()
    await app.goto(evident.url)
    await app.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor()
    expect((await context.cookies()).map((c) => c.sameSite)).toEqual(['Strict'])
    const before = await callApi<SourceSummary[]>(evident, 'sources.list', {})

    const other = await context.newPage()
    await other.goto(evil.url('/'))
    const api = `http://127.0.0.1:${evident.port}/api`
    const attempts = await other.evaluate(
      async ({ api, id }) => {
        const body = JSON.stringify({ method: 'sources.remove', args: { id } })
        const outcome = async (request: () => Promise<Response>) => {
          try {
            const reply = await request()
            return reply.type === 'opaque' ? 'opaque' : `${reply.status}`
          } catch {
            return 'blocked'
          }
        }
        const stream = await new Promise<string>((resolve) => {
          const events = new EventSource(`${api}/events`, { withCredentials: true })
          events.onopen = () => resolve('open')
          events.onerror = () => (events.close(), resolve('refused'))
        })
        return {
          // A simple request the browser sends without asking first: it reaches the server, which refuses it
          // (403 for the Origin), and its answer's Cross-Origin-Resource-Policy keeps even an opaque reply from the page.
          simple: await outcome(() => fetch(`${api}/invoke`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body })),
          json: await outcome(() => fetch(`${api}/invoke`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })),
          read: await outcome(() => fetch(`${api}/invoke`, { method: 'POST', credentials: 'include', body: JSON.stringify({ method: 'sources.list', args: {} }) })),
          stream,
        }
      },
      { api, id: before[0]!.id },
    )
    expect(attempts.simple).toBe('blocked')
    expect(attempts.json).toBe('blocked')
    expect(attempts.read).toBe('blocked')
    expect(attempts.stream).toBe('refused')
    expect(await callApi<SourceSummary[]>(evident, 'sources.list', {})).toEqual(before)
    await context.close()
  })
})
