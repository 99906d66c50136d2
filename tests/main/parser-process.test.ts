import { EventEmitter } from 'node:events'
import { describe, expect, test } from 'vitest'
import { utilityParserPool } from '../../electron/main/parser-process'
import type { ParserRequest } from '../../electron/core/sources/parse/protocol'

/** Stands in for Electron's UtilityProcess: the same events and methods the pool uses. */
class FakeUtilityProcess extends EventEmitter {
  pid = 4242
  stderr = new EventEmitter()
  sent: ParserRequest[] = []
  killed = false
  postMessage(message: ParserRequest) {
    this.sent.push(message)
    setTimeout(() => {
      if (message.type === 'parse' && message.fileName === 'crash.pdf') {
        this.stderr.emit('data', Buffer.from('evident-parser: memory ceiling reached\n'))
        this.emit('exit', 9)
      } else {
        this.emit('message', { type: 'done', id: message.id, document: { format: 'txt', mime: 'text/plain', blocks: [{ kind: 'paragraph', text: 'hi' }], metadata: {} } })
      }
    }, 5)
  }
  kill() {
    this.killed = true
    setTimeout(() => this.emit('exit', 15), 0)
    return true
  }
}

describe('Electron reads documents in utility processes', () => {
  test('each reader is a utility process with the parser entry, the limits, a name and no environment', async () => {
    const forks: { path: string; args: string[]; options: Electron.ForkOptions; child: FakeUtilityProcess }[] = []
    const pool = utilityParserPool(
      (path, args, options) => {
        const child = new FakeUtilityProcess()
        forks.push({ path, args, options, child })
        setTimeout(() => child.emit('message', { type: 'ready' }), 0)
        return child as unknown as Electron.UtilityProcess
      },
      '/app/out/main/parser.js',
      { maxRssBytes: 1024 * 1024 * 1024, maxHeapMegabytes: 768 },
    )
    const document = await pool.parse({ fileName: 'note.txt', bytes: new Uint8Array([104, 105]) })
    expect(document.blocks).toEqual([{ kind: 'paragraph', text: 'hi' }])
    expect(forks).toHaveLength(1)
    expect(forks[0]).toMatchObject({
      path: '/app/out/main/parser.js',
      args: [`--max-rss=${1024 * 1024 * 1024}`],
      options: { serviceName: 'Evident document reader', env: {}, execArgv: ['--max-old-space-size=768', '--single-threaded-gc'], stdio: ['ignore', 'ignore', 'pipe'] },
    })
    // The bytes travel as bytes in the message, never as a path.
    expect(forks[0]!.child.sent[0]).toMatchObject({ type: 'parse', fileName: 'note.txt', bytes: new Uint8Array([104, 105]) })

    await expect(pool.parse({ fileName: 'crash.pdf', bytes: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'OUT_OF_MEMORY' })
    // The next file gets a fresh reader.
    await expect(pool.parse({ fileName: 'after.txt', bytes: new Uint8Array([1]) })).resolves.toBeTruthy()
    expect(forks).toHaveLength(2)
    await pool.close()
    expect(forks[1]!.child.killed).toBe(true)
  })
})
