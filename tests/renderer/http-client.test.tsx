// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { EvidentError } from '../../renderer/src/api/errors'
import { createHttpApi, OFF_THREAD_CHARS, type HttpDeps } from '../../renderer/src/api/http-client'
import type { InvokeRequest } from '../../renderer/src/api/invoke-message'
import { applyTextDelta } from '../../renderer/src/api/text-delta'

type Listener = (e: MessageEvent<string>) => void

class FakeEventSource {
  static last: FakeEventSource | null = null
  readonly listeners = new Map<string, Set<Listener>>()
  constructor(readonly url: string) {
    FakeEventSource.last = this
  }
  addEventListener(name: string, listener: Listener) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set())
    this.listeners.get(name)!.add(listener)
  }
  removeEventListener(name: string, listener: Listener) {
    this.listeners.get(name)?.delete(listener)
  }
  emit(name: string, payload: unknown) {
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data: JSON.stringify(payload) }))
  }
}

function deps(answer: unknown, status = 200) {
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(answer), { status }))
  // The fake only needs the parts of EventSource the client uses.
  const EventSource = FakeEventSource as unknown as HttpDeps['EventSource']
  return { fetch, EventSource }
}

describe('the browser-mode client', () => {
  it('sends the method with its arguments, holding no secret of its own (the session cookie goes by itself), and returns the value', async () => {
    const d = deps({ ok: true, value: { id: 's1', title: 'Breaking boundaries' } })
    const api = createHttpApi(d)
    const detail = await api.invoke('sources.get', { id: 's1' })
    expect(detail.title).toBe('Breaking boundaries')
    const [url, init] = d.fetch.mock.calls[0]!
    expect(url).toBe('/api/invoke')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('Authorization')).toBeNull()
    expect(init?.credentials).toBe('same-origin')
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(String(init?.body))).toEqual({ method: 'sources.get', args: { id: 's1' } })
  })

  it("rejects with the core's error code and plain-English message", async () => {
    const d = deps({ ok: false, error: { code: 'NOT_FOUND', message: 'That source is no longer in this project.' } }, 404)
    const api = createHttpApi(d)
    const failure = await api.invoke('sources.get', { id: 'gone' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(EvidentError)
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'That source is no longer in this project.' })
  })

  it('says so plainly when the server cannot be reached or answers nonsense', async () => {
    const down = createHttpApi({ ...deps(null), fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) })
    await expect(down.invoke('sources.list', {})).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/not responding/) })
    const odd = createHttpApi(deps({ hello: 'world' }, 500))
    await expect(odd.invoke('sources.list', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('listens to server-sent events on one stream with no token in its address, and unsubscribes', async () => {
    const api = createHttpApi(deps({ ok: true, value: null }))
    const seen: string[] = []
    const off = api.on('sources.changed', (p) => seen.push(p.reason))
    api.on('import.done', () => undefined)
    const stream = FakeEventSource.last!
    expect(stream.url).toBe('/api/events')
    stream.emit('sources.changed', { reason: 'import' })
    off()
    stream.emit('sources.changed', { reason: 'remove' })
    expect(seen).toEqual(['import'])
    expect(FakeEventSource.last).toBe(stream)
  })

  it('sends a call carrying a long text (a long brief) from its worker, and goes back to the page if the worker fails', async () => {
    const d = deps({ ok: true, value: { id: 'b1', revision: 2 } })
    const posted: unknown[] = []
    // Stands in for the browser's Worker, whose real path the Chromium autosave test drives.
    const worker = { onmessage: null as ((e: MessageEvent) => void) | null, onerror: null as (() => void) | null, postMessage: (m: unknown) => posted.push(m) }
    const api = createHttpApi({ ...d, worker: () => worker as unknown as Worker })
    const content = 'x'.repeat(OFF_THREAD_CHARS + 1)

    const viaWorker = api.invoke('briefs.save', { id: 'b1', content })
    expect(posted).toEqual([{ id: 1, method: 'briefs.save', args: { id: 'b1', content }, keep: 'content' }])
    expect(d.fetch).not.toHaveBeenCalled()
    worker.onmessage!(new MessageEvent('message', { data: { id: 1, kind: 'answer', status: 200, body: { ok: true, value: { id: 'b1', revision: 2 } }, readable: true } }))
    await expect(viaWorker).resolves.toMatchObject({ revision: 2 })

    await api.invoke('briefs.save', { id: 'b1', content: 'short' })
    expect(d.fetch).toHaveBeenCalledTimes(1)

    const lost = api.invoke('briefs.save', { id: 'b1', content })
    worker.onerror!()
    await expect(lost).rejects.toMatchObject({ code: 'NETWORK' })
    await api.invoke('briefs.save', { id: 'b1', content })
    expect(d.fetch).toHaveBeenCalledTimes(2)
  })

  it('sends a long text that changed only in places as its difference from the one before, which the worker puts back together', async () => {
    const d = deps({ ok: true, value: { id: 'b1', revision: 2 } })
    const posted: InvokeRequest[] = []
    const worker = { onmessage: null as ((e: MessageEvent) => void) | null, onerror: null as (() => void) | null, postMessage: (m: InvokeRequest) => posted.push(m) }
    const api = createHttpApi({ ...d, worker: () => worker as unknown as Worker })
    const answer = (id: number) => worker.onmessage!(new MessageEvent('message', { data: { id, kind: 'answer', status: 200, body: { ok: true, value: { id: 'b1', revision: id + 1 } }, readable: true } }))
    const first = 'a'.repeat(OFF_THREAD_CHARS) + ' the analyst typed here ' + 'z'.repeat(OFF_THREAD_CHARS)
    const second = first.replace('typed here', 'typed more here')

    const saves = [api.invoke('briefs.save', { id: 'b1', content: first, baseRevision: 1 }), api.invoke('briefs.save', { id: 'b1', content: second, baseRevision: 2 })]
    answer(1)
    answer(2)
    await Promise.all(saves)
    expect(posted[0]).toMatchObject({ args: { content: first }, keep: 'content' })
    expect(posted[1]!.args).toEqual({ id: 'b1', baseRevision: 2 })
    expect(posted[1]!.delta!.middle.length).toBeLessThan(20)
    expect(applyTextDelta(first, posted[1]!.delta!)).toBe(second)

    // A call the worker could not deliver: the next long text goes whole again.
    const lost = api.invoke('briefs.save', { id: 'b1', content: first, baseRevision: 3 })
    worker.onmessage!(new MessageEvent('message', { data: { id: 3, kind: 'unreachable' } }))
    await expect(lost).rejects.toMatchObject({ code: 'NETWORK' })
    void api.invoke('briefs.save', { id: 'b1', content: second, baseRevision: 3 })
    expect(posted[3]).toMatchObject({ args: { content: second }, keep: 'content' })
    expect(posted[3]!.delta).toBeUndefined()
  })
})
