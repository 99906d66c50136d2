import { get, request as httpRequest, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProjectInfo } from '@shared/dto/project'
import type { SourceSummary } from '@shared/dto/sources'
import { TOKEN, invoke, postInvoke, request, startServer, type Running } from './helpers'

let app: Running
beforeAll(async () => {
  app = await startServer()
})
afterAll(() => app.close())

const post = (body: string, headers: Record<string, string> = {}) => postInvoke(app.port, body, headers)

describe('the browser page calling the core', () => {
  it('lists the five starter sources and the project it has open', async () => {
    const list = await invoke(app.port, 'sources.list', {})
    expect(list.status).toBe(200)
    expect(list.json.ok).toBe(true)
    const sources = list.json.value as SourceSummary[]
    expect(sources).toHaveLength(5)
    expect(sources.every((s) => s.title.length > 0)).toBe(true)
    const info = await invoke(app.port, 'project.info', {})
    expect((info.json.value as ProjectInfo).path).toBe(app.projectPath)
    expect((info.json.value as ProjectInfo).sourceCount).toBe(5)
  })

  it('is also reachable as localhost, with the matching Origin', async () => {
    const reply = await invoke(app.port, 'project.info', {}, { Host: `localhost:${app.port}`, Origin: `http://localhost:${app.port}` })
    expect(reply.status).toBe(200)
  })

  it('refuses a request with no token, or the wrong one, with 401', async () => {
    const none = await post(JSON.stringify({ method: 'sources.list', args: {} }), { Authorization: '' })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body).error.code).toBe('UNAUTHORIZED')
    const wrong = await invoke(app.port, 'sources.list', {}, { Authorization: 'Bearer not-the-token' })
    expect(wrong.status).toBe(401)
    expect(wrong.json.error?.code).toBe('UNAUTHORIZED')
  })

  it('refuses a page from another origin, even with the token, with 403', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${app.port + 1}`, `https://127.0.0.1:${app.port}`, 'null']) {
      const reply = await invoke(app.port, 'sources.list', {}, { Origin: origin })
      expect(reply.status, origin).toBe(403)
      expect(reply.json.error?.code).toBe('FORBIDDEN')
    }
  })

  it('refuses a rebound host name (DNS rebinding) with 403, for the API and for pages', async () => {
    const api = await invoke(app.port, 'sources.list', {}, { Host: `evil.example:${app.port}` })
    expect(api.status).toBe(403)
    const page = await request(app.port, { path: '/', headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
  })

  it('answers a bad argument with 400 and the validation message', async () => {
    const reply = await invoke(app.port, 'sources.get', { id: 5 })
    expect(reply.status).toBe(400)
    expect(reply.json.error?.code).toBe('INVALID_INPUT')
    expect(reply.json.error?.message).toMatch(/^id: /)
  })

  it('answers an unknown method with 404 and malformed JSON with 400', async () => {
    const unknown = await invoke(app.port, 'sources.drop', {})
    expect(unknown.status).toBe(404)
    expect(unknown.json.error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('no method') })
    const malformed = await post('{"method": "sources.list",')
    expect(malformed.status).toBe(400)
    expect(JSON.parse(malformed.body).error).toEqual({ code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' })
  })

  it('maps a missing source to 404 and other refusals from the core to 422', async () => {
    expect((await invoke(app.port, 'sources.get', { id: 'no-such-source' })).status).toBe(404)
    const conflict = await invoke(app.port, 'project.create', { file: app.core.files.forWriting({ path: app.projectPath, name: 'Test.evident', overwrite: false }).handle })
    expect(conflict.status).toBe(422)
    expect(conflict.json.error?.code).toBe('CONFLICT')
  })

  it('allows only POST on /api/invoke', async () => {
    const reply = await request(app.port, { path: '/api/invoke', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
  })
})

describe('events reach the page as server-sent events', () => {
  function openStream(headers: Record<string, string>, query = ''): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => get({ host: '127.0.0.1', port: app.port, path: `/api/events${query}`, headers }, resolve).on('error', reject))
  }

  it('refuses a stream without authorisation, and a token in its address no longer counts', async () => {
    for (const [headers, query] of [[{ Authorization: 'Bearer wrong' }, ''], [{}, `?token=${TOKEN}`]] as const) {
      const res = await openStream(headers, query)
      expect(res.statusCode).toBe(401)
      res.resume()
    }
  })

  it('delivers project.changed when the project is reopened', async () => {
    const res = await openStream({ Authorization: `Bearer ${TOKEN}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
    let text = ''
    const received = new Promise<string>((resolve) => {
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        const match = /event: project\.changed\ndata: (.*)\n\n/.exec(text)
        if (match) resolve(match[1]!)
      })
    })
    await invoke(app.port, 'project.open', { file: app.core.files.forReading(app.projectPath).handle })
    const payload = JSON.parse(await received) as ProjectInfo
    expect(payload.path).toBe(app.projectPath)
    expect(payload.sourceCount).toBe(5)
    res.destroy()
  })
})

describe('request size', () => {
  it('refuses a body over the limit with 413 without reading it all', async () => {
    const small = await startServer({ maxBodyBytes: 1024 })
    try {
      const body = JSON.stringify({ method: 'sources.parseRecords', args: { text: 'x'.repeat(4096) } })
      const reply = await postInvoke(small.port, body)
      expect(reply.status).toBe(413)
      expect(JSON.parse(reply.body).error.code).toBe('FILE_TOO_LARGE')
      // Chunked, with no Content-Length to refuse up front: the server must stop as the count passes the limit.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: small.port,
            method: 'POST',
            path: '/api/invoke',
            headers: { Host: `127.0.0.1:${small.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.write('{"method":"sources.parseRecords","args":{"text":"')
        req.write('y'.repeat(2048))
      })
      expect(status).toBe(413)
    } finally {
      await small.close()
    }
  })
})
