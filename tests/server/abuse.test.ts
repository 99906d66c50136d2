import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { largeBodyMemory } from '../helpers/server-memory'
import { SERVER_LIMITS } from '../../electron/server/http'
import { invoke, postInvoke, startServer, TOKEN, type Running } from './helpers'

/** A raw TCP connection to the server, closed by the test or by the server. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
  })
}

/** Resolves with how long the server took to close the connection, or null if it did not within `withinMs`. */
function closedWithin(socket: Socket, withinMs: number): Promise<number | null> {
  const started = Date.now()
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), withinMs)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(Date.now() - started)
    })
    socket.on('error', () => undefined)
    // Read what the server says (its 408): a socket nobody reads from never sees the end of the stream.
    socket.resume()
  })
}

/** An object nested `depth` levels deep: {"a":{"a":…}}. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

describe('browser mode under abuse from 127.0.0.1', () => {
  let running: Running
  beforeAll(async () => {
    running = await startServer({ headersTimeoutMs: 600, maxEventStreams: 8, maxConnections: 64 })
  })
  afterAll(async () => {
    await running?.close()
  })

  it('closes a connection that never finishes its headers', async () => {
    const socket = await open(running.port)
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nX-Slow: `)
    expect(await closedWithin(socket, 5_000)).not.toBeNull()
  })

  it('closes connections that never send a byte, 200 of them, and still answers', async () => {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => open(running.port).catch(() => null)))
    const closes = await Promise.all(sockets.map((s) => (s ? closedWithin(s, 5_000) : Promise.resolve(0))))
    expect(closes.filter((c) => c === null)).toHaveLength(0)
    expect((await invoke(running.port, 'project.info', {})).status).toBe(200)
  })

  it('serves a limited number of event streams at once, refuses more with 503, and frees a slot when one closes', async () => {
    const streams = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const socket = await open(running.port)
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`)
        const head = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))))
        return { socket, status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]) }
      }),
    )
    expect(streams.filter((s) => s.status === 200)).toHaveLength(8)
    expect(streams.filter((s) => s.status === 503)).toHaveLength(32)
    for (const s of streams) s.socket.destroy()
    await new Promise((r) => setTimeout(r, 100))
    const again = await open(running.port)
    again.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`)
    const head = await new Promise<string>((resolve) => again.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))))
    expect(head).toMatch(/^HTTP\/1\.1 200/)
    again.destroy()
  })

  it('answers arguments nested beyond the limit with 400, not a crash', async () => {
    const body = `{"method":"briefs.save","args":{"id":"x","content":${nested(20_000)}}}`
    const reply = await postInvoke(running.port, body)
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nested more than \d+ levels deep/) } })
    expect((await invoke(running.port, 'project.info', {})).status).toBe(200)
  })
})

describe('a thousand event streams at once', () => {
  /** Asks for an event stream and says how it went: its status, or 'dropped' if closed unanswered. */
  function askForStream(port: number): Promise<{ socket: Socket; outcome: string }> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      const done = (outcome: string) => {
        clearTimeout(timer)
        resolve({ socket, outcome })
      }
      const timer = setTimeout(() => done('hung'), 30_000)
      socket.on('connect', () => socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`))
      socket.once('data', (chunk: Buffer) => done(/^HTTP\/1\.1 (\d+)/.exec(chunk.toString('latin1'))?.[1] ?? 'garbled'))
      socket.on('error', () => undefined)
      socket.once('close', () => done('dropped'))
    })
  }

  it('serves as many as its cap, turns every other away at once, and still answers the page', async () => {
    const running = await startServer()
    try {
      const asked = await Promise.all(Array.from({ length: 1_000 }, () => askForStream(running.port)))
      const tally = (outcome: string) => asked.filter((a) => a.outcome === outcome).length
      expect(tally('200')).toBe(SERVER_LIMITS.maxEventStreams)
      expect(tally('200') + tally('503') + tally('dropped')).toBe(1_000)
      expect((await invoke(running.port, 'project.info', {})).status).toBe(200)
      for (const a of asked) a.socket.destroy()
      await new Promise((r) => setTimeout(r, 200))
      const again = await askForStream(running.port)
      expect(again.outcome).toBe('200')
      again.socket.destroy()
    } finally {
      await running.close()
    }
  }, 60_000)
})

describe('a very large request leaves the server as big as it was', () => {
  // Issue 11 asks for 50 MB; `npm run bench` (server-memory) prints the figure. What is left is mostly glibc
  // keeping the arenas that held the socket's 64 KB read chunks. This guards the fix (it was ~400 MB) at 100 MB.
  it('after three 100 MB requests its memory is back near where it started, not 400 MB bigger', async () => {
    if (process.platform !== 'linux') return console.log('skipped: reads /proc')
    const memory = await largeBodyMemory()
    expect(memory.statuses).toEqual([400, 400, 400])
    expect(memory.afterMb - memory.beforeMb).toBeLessThan(100)
  }, 60_000)
})
