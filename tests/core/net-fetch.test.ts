import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webAddress } from '../../electron/core/net/address'
import { endpoint } from '../../electron/core/net/endpoints'
import { fetchAddress, USER_AGENT } from '../../electron/core/net/fetch'
import { connectionError } from '../../electron/core/net/messages'
import { gzipSync } from 'node:zlib'
import { hugeBody, redirect, send, startFixtureServer, trickle, truncated, type FixtureServer } from '../helpers/fixture-server'

const MB = 1024 * 1024
let server: FixtureServer
const huge = hugeBody(false)
const hugeDeclared = hugeBody(true)

beforeAll(async () => {
  server = await startFixtureServer({
    '/page': send('<html><body><p>Hello</p></body></html>'),
    '/gzipped': send(gzipSync('<p>Compressed words</p>'), 'text/html', 200, { 'content-encoding': 'gzip' }),
    '/moved': redirect('/page'),
    '/hop1': redirect('/hop2', 301),
    '/hop2': redirect('/page', 307),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-javascript': redirect('javascript:alert(1)'),
    '/busy': send('slow down', 'text/plain', 429, { 'retry-after': '120' }),
    '/broken': send('oops', 'text/plain', 500),
    '/trickle': trickle,
    '/cut': truncated('<p>The first half of a page'),
    '/huge': huge.route,
    '/huge-declared': hugeDeclared.route,
  })
  for (let i = 0; i < 15; i++) server.routes.set(`/chain${i}`, redirect(`/chain${i + 1}`))
})
afterAll(() => server.close())

const failure = (promise: Promise<unknown>) => promise.then(() => ({ code: 'NONE', message: '' }), (e: { code: string; message: string }) => e)

describe('every fetch goes through one place, with its limits', () => {
  it('fetches a page, naming Evident in its User-Agent, and says where it ended up after redirects', async () => {
    const page = await fetchAddress(server.url('/hop1'))
    expect(new TextDecoder().decode(page.bytes)).toContain('Hello')
    expect(page.requestedUrl).toBe(server.url('/hop1'))
    expect(page.finalUrl).toBe(server.url('/page'))
    expect(page.contentType).toBe('text/html')
    expect(Date.parse(page.fetchedAt)).toBeGreaterThan(0)
    expect(server.requests.at(-1)!.headers['user-agent']).toBe(USER_AGENT)
    expect(USER_AGENT).toMatch(/^Evident\//)
  })

  it('reads compressed answers', async () => {
    expect(new TextDecoder().decode((await fetchAddress(server.url('/gzipped'))).bytes)).toBe('<p>Compressed words</p>')
  })

  it('refuses addresses that are not http(s), and a redirect to one', async () => {
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'ftp://example.org/x']) {
      expect(() => webAddress(bad)).toThrow(/only http:\/\/ and https:\/\//)
    }
    expect(() => webAddress('not an address')).toThrow(/is not a web address/)
    expect(() => webAddress('https://user:secret@example.org/')).toThrow(/password/)
    expect(await failure(fetchAddress(server.url('/to-file')))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/redirected to a file: address/) })
    expect((await failure(fetchAddress(server.url('/to-javascript')))).message).toMatch(/javascript: address/)
  })

  it('stops at redirect loops and at too many redirects', async () => {
    expect((await failure(fetchAddress(server.url('/loop-a')))).message).toMatch(/redirects in a loop/)
    expect((await failure(fetchAddress(server.url('/chain0')))).message).toMatch(/more than 10 times/)
  })

  it('says what 404, 429 (with Retry-After) and 500 mean', async () => {
    expect(await failure(fetchAddress(server.url('/nothing-here')))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Nothing is at .*404/) })
    expect((await failure(fetchAddress(server.url('/busy')))).message).toMatch(/slow down \(429\): try again in 120 seconds/)
    expect((await failure(fetchAddress(server.url('/broken')))).message).toMatch(/had a problem answering \(500\)/)
  })

  it('gives up on a page that trickles for ever, at the deadline', async () => {
    const started = Date.now()
    const error = await failure(fetchAddress(server.url('/trickle'), { deadlineMs: 600 }))
    expect(error).toMatchObject({ code: 'TIMED_OUT', message: expect.stringMatching(/did not finish arriving within 1 seconds/) })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('says a cut-off body was cut off', async () => {
    expect(await failure(fetchAddress(server.url('/cut')))).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/closed before all of/) })
  })

  it('refuses a declared 2 GB body before reading it, and cuts off an undeclared one at the cap without holding it', async () => {
    expect(await failure(fetchAddress(server.url('/huge-declared')))).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/is 2048 MB: Evident fetches at most 100 MB/) })
    expect(hugeDeclared.sent()).toBeLessThan(64 * MB)
    const error = await failure(fetchAddress(server.url('/huge')))
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/larger than 100 MB \(Evident stopped reading it there\)/) })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(huge.sent()).toBeLessThan(300 * MB)
  })

  it('says plainly when nothing answers (offline, or nothing listening)', async () => {
    const closed = await startFixtureServer()
    const address = closed.url('/page')
    await closed.close()
    expect(await failure(fetchAddress(address))).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/refused the connection/) })
    // A name that does not resolve, without asking any resolver: the message the socket error becomes.
    const offline = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    expect(connectionError('https://intranet.example/report', offline).message).toBe('Could not find intranet.example: this computer may be offline, or the address may be mistyped.')
  })

  it('is cancelled when the analyst cancels', async () => {
    const controller = new AbortController()
    const pending = failure(fetchAddress(server.url('/trickle'), { signal: controller.signal }))
    setTimeout(() => controller.abort(), 100)
    expect(await pending).toMatchObject({ code: 'CANCELLED' })
  })

  it('takes every service address from its environment variable when set', () => {
    expect(endpoint('crossref', {})).toBe('https://api.crossref.org')
    expect(endpoint('zotero', {})).toBe('http://localhost:23119/api')
    expect(endpoint('crossref', { EVIDENT_CROSSREF_API: 'http://127.0.0.1:9/crossref/' })).toBe('http://127.0.0.1:9/crossref')
    for (const variable of ['EVIDENT_DOI_API', 'EVIDENT_NCBI_API', 'EVIDENT_ARXIV_API', 'EVIDENT_OPENLIBRARY_API', 'EVIDENT_ZOTERO_API']) {
      const service = ({ EVIDENT_DOI_API: 'doi', EVIDENT_NCBI_API: 'ncbi', EVIDENT_ARXIV_API: 'arxiv', EVIDENT_OPENLIBRARY_API: 'openlibrary', EVIDENT_ZOTERO_API: 'zotero' } as const)[variable]!
      expect(endpoint(service, { [variable]: 'http://proxy.example/x' })).toBe('http://proxy.example/x')
    }
    expect(() => endpoint('ncbi', { EVIDENT_NCBI_API: 'file:///tmp' })).toThrow(/EVIDENT_NCBI_API must be an http/)
  })
})
