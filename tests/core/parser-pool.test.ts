import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { afterEach, describe, expect, test } from 'vitest'
import { findParserEntry } from '../../electron/core/app/resources'
import { ProjectSession } from '../../electron/core/project/session'
import { extractDocument } from '../../electron/core/sources/extract'
import { inputFromBase64, runImportBatch } from '../../electron/core/sources/import-batch'
import { forkParser, nodeParserPool, parserExecArgv } from '../../electron/core/sources/parse/node-process'
import type { ParserChannel, SpawnParser } from '../../electron/core/sources/parse/channel'
import { ParserPool } from '../../electron/core/sources/parse/pool'
import { serveParser } from '../../electron/core/sources/parse/child'
import { readPdfPageLines } from '../../electron/core/sources/formats/pdf'
import type { ParserReply, ParserRequest } from '../../electron/core/sources/parse/protocol'
import { makeFlateBombPdf } from '../fixtures/make-flate-bomb'
import { makePdf } from '../fixtures/make-pdf'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

// The built entry, exactly as browser mode and the CLI start it (npm test builds before it tests).
const entry = findParserEntry(__dirname)
const pools: ParserPool[] = []
function pool(...args: Parameters<typeof nodeParserPool>): ParserPool {
  const made = nodeParserPool(...args)
  pools.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

const corpus = join(RESOURCES_DIR, 'corpus')
const starterText = readdirSync(corpus).find((file) => file.endsWith('.txt'))!
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text))
const report = makePdf([
  ['On access', '', 'What the partners said about access in general practice.'],
  ['On funding', '', 'What the partners said about funding in general practice.'],
])

/**
 * A text long enough to keep a reader busy for seconds: 1,000,000 lines (about 60 MB). Reading text is
 * linear now, so only size makes a reader this slow; built once, since every test that stalls uses it.
 */
let stalling: Uint8Array | undefined
const stallingText = () =>
  (stalling ??= bytesOf(Array.from({ length: 1_000_000 }, (_, i) => `line ${i} of a very long export, one record per line, ended.`).join('\n')))

describe('documents are read in separate processes', () => {
  const temp = useTempDir()

  test('a text file, a web page, a Word document and a PDF come back as they do when read in-process', async () => {
    const parser = pool(entry, { size: 2 })
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Integrated care needs partners.')] }] })))
    const files: [string, Uint8Array][] = [
      [starterText, new Uint8Array(readFileSync(join(corpus, starterText)))],
      ['page.html', bytesOf('<!doctype html><title>Care</title><article><h1>Care</h1><p>Hospitals and practices plan together.</p></article>')],
      ['note.docx', docx],
      ['report.pdf', report],
    ]
    const apart = await Promise.all(files.map(([fileName, bytes]) => parser.parse({ fileName, bytes })))
    for (const [i, [fileName, bytes]] of files.entries()) expect(apart[i]).toEqual(await extractDocument(fileName, bytes))
  })

  test('a file the reader refuses fails with its own message, and the reader goes on', async () => {
    const parser = pool(entry, { size: 1 })
    const encrypted = makePdf([['The secret plan.']], { userPassword: 'secret' })
    await expect(parser.parse({ fileName: 'secret.pdf', bytes: encrypted })).rejects.toMatchObject({ code: 'ENCRYPTED' })
    await expect(parser.parse({ fileName: 'empty.txt', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'EMPTY_FILE' })
    await expect(parser.parse({ fileName: 'report.pdf', bytes: report })).resolves.toMatchObject({ format: 'pdf' })
  })

  test('a file that takes longer than its time limit is stopped with that reason, and the next file gets a new reader', async () => {
    const parser = pool(entry, { size: 1, time: { baseMs: 1500, msPerMegabyte: 0 } })
    const started = Date.now()
    await expect(parser.parse({ fileName: 'stalls.txt', bytes: stallingText() })).rejects.toMatchObject({
      code: 'TIMED_OUT',
      message: expect.stringMatching(/“stalls\.txt” took longer than it may to read \(2 s\)/),
    })
    expect(Date.now() - started).toBeLessThan(5000)
    await expect(parser.parse({ fileName: 'report.pdf', bytes: report })).resolves.toMatchObject({ format: 'pdf' })
  })

  test('the time limit grows with the pages a PDF announces', async () => {
    // A reader that says it has 3 pages, then takes 600 ms: over the 200 ms base, within base + 3 × 300 ms.
    const slowReader = (announce: boolean): SpawnParser => () => {
      let onReply: (reply: ParserReply) => void = () => {}
      const channel: ParserChannel = {
        send: (request) => {
          if (announce) setTimeout(() => onReply({ type: 'announce', id: request.id, pages: 3 }), 20)
          setTimeout(() => onReply({ type: 'done', id: request.id, document: { format: 'pdf', mime: 'application/pdf', blocks: [], metadata: {} } }), 600)
        },
        onReply: (listener) => {
          onReply = listener
          setTimeout(() => listener({ type: 'ready' }), 0)
        },
        onStderr: () => {},
        onExit: (listener) => (exit = listener),
        setBusy: () => {},
        kill: () => setTimeout(() => exit(null, 'SIGKILL'), 0),
      }
      let exit: (code: number | null, signal: string | null) => void = () => {}
      return channel
    }
    const time = { baseMs: 200, msPerMegabyte: 0, msPerPage: 300 }
    const announced = new ParserPool({ spawn: slowReader(true), size: 1, time })
    const silent = new ParserPool({ spawn: slowReader(false), size: 1, time })
    pools.push(announced, silent)
    await expect(announced.parse({ fileName: 'long.pdf', bytes: report })).resolves.toMatchObject({ format: 'pdf' })
    await expect(silent.parse({ fileName: 'long.pdf', bytes: report })).rejects.toMatchObject({ code: 'TIMED_OUT' })
  })

  test('a PDF that inflates past the memory ceiling is stopped with that reason — memory outside V8’s heap counts', async () => {
    const limits = { maxRssBytes: 320 * 1024 * 1024, maxHeapMegabytes: 2048 }
    const parser = pool(entry, { size: 1 }, limits)
    const bomb = await makeFlateBombPdf(1536 * 1024 * 1024)
    expect(bomb.byteLength).toBeLessThan(3 * 1024 * 1024)
    await expect(parser.parse({ fileName: 'bomb.pdf', bytes: bomb })).rejects.toMatchObject({
      code: 'OUT_OF_MEMORY',
      message: expect.stringMatching(/“bomb\.pdf” needed more memory than allowed \(320 MB\)/),
    })
    await expect(parser.parse({ fileName: 'report.pdf', bytes: report })).resolves.toMatchObject({ format: 'pdf' })
  }, 60_000)

  test('a reader killed from outside fails only the file it was reading', async () => {
    const spawn = forkParser(entry)
    const pids: number[] = []
    const parser = new ParserPool({
      size: 1,
      spawn: () => {
        const channel = spawn()
        pids.push(channel.pid!)
        return channel
      },
    })
    pools.push(parser)
    const reading = parser.parse({ fileName: 'stalls.txt', bytes: stallingText() })
    await new Promise((resolve) => setTimeout(resolve, 400))
    process.kill(pids[0]!, 'SIGKILL')
    await expect(reading).rejects.toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringMatching(/document reader was ended \(SIGKILL\) while reading “stalls\.txt”/) })
    await expect(parser.parse({ fileName: 'report.pdf', bytes: report })).resolves.toMatchObject({ format: 'pdf' })
    expect(pids).toHaveLength(2)
  })

  test('cancelling stops the reader at once', async () => {
    const parser = pool(entry, { size: 1 })
    const controller = new AbortController()
    const reading = parser.parse({ fileName: 'stalls.txt', bytes: stallingText(), signal: controller.signal })
    setTimeout(() => controller.abort(), 300)
    const started = Date.now()
    await expect(reading).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('a reader that cannot start says so instead of blaming the file', async () => {
    const parser = pool(join(temp(), 'missing-parser.js'), { size: 1 })
    await expect(parser.parse({ fileName: 'report.pdf', bytes: report })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/document reader could not start/),
    })
  })

  test('the reader may read the app’s own files but not the project or anything else of the user’s', () => {
    const secret = join(temp(), 'project.evident')
    writeFileSync(secret, 'the analyst’s project')
    const attempt = (file: string) =>
      execFileSync(process.execPath, [...parserExecArgv(entry), '-e', `require('node:fs').readFileSync(${JSON.stringify(file)}); console.log('read')`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    expect(attempt(entry)).toContain('read')
    expect(() => attempt(secret)).toThrow(/ERR_ACCESS_DENIED/)
    expect(() => attempt('/etc/hostname')).toThrow(/ERR_ACCESS_DENIED/)
  })
})

describe('a batch through the reader pool', () => {
  const temp = useTempDir()

  test('a file that stalls the reader fails with its reason while the rest import, and the project holds only those', async () => {
    const session = ProjectSession.create(join(temp(), 'batch.evident'))
    try {
      const parser = pool(entry, { size: 2, time: { baseMs: 1500, msPerMegabyte: 0 } })
      const inputs = [
        inputFromBase64('first.txt', Buffer.from('First note\n\nPractices need partners.').toString('base64')),
        inputFromBase64('stalls.txt', Buffer.from(stallingText()).toString('base64')),
        inputFromBase64('report.pdf', Buffer.from(report).toString('base64')),
        inputFromBase64('again.txt', Buffer.from('First note\n\nPractices need partners.').toString('base64')),
      ]
      const summary = await runImportBatch(session.sources, inputs, { parser })
      expect(summary.imported.map((i) => i.fileName)).toEqual(['first.txt', 'report.pdf'])
      expect(summary.failed).toEqual([expect.objectContaining({ fileName: 'stalls.txt', code: 'TIMED_OUT' })])
      expect(summary.duplicates.map((d) => d.fileName)).toEqual(['again.txt'])
      expect(session.sources.list().map((s) => s.fileName).sort()).toEqual(['first.txt', 'report.pdf'])
    } finally {
      session.close()
    }
  })
})

/** A report whose pages each have their own words (pages that repeat a pattern read as running heads). */
function variedReport(pageCount: number): Uint8Array {
  const words = 'access funding workforce estates records training prescribing outcomes dementia diabetes asthma screening partners trusts'.split(' ')
  let seed = 11
  const word = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length]!
  const sentence = () => Array.from({ length: 9 }, word).join(' ') + '.'
  return makePdf(Array.from({ length: pageCount }, () => [sentence(), '', sentence(), sentence(), sentence(), '', sentence(), sentence()]))
}

describe('a long PDF is read by two parsers at once', () => {
  test('the halves read apart make the same document as one parser reading it all', async () => {
    const long = variedReport(30)
    const sent: string[] = []
    const spawn = forkParser(entry)
    const shared = new ParserPool({
      size: 2,
      spawn: () => {
        const channel = spawn()
        return { ...channel, send: (request) => (sent.push(request.type), channel.send(request)) }
      },
    })
    pools.push(shared)
    const alone = pool(entry, { size: 1 })
    const [together, single] = await Promise.all([shared.parse({ fileName: 'long.pdf', bytes: long }), alone.parse({ fileName: 'long.pdf', bytes: long })])
    expect(together).toEqual(single)
    expect(together).toEqual(await extractDocument('long.pdf', long))
    expect(together.blocks.some((block) => block.page === '30')).toBe(true)
    // The second parser was really handed the second half, and the first was given its pages back.
    expect(sent).toEqual(['parse', 'plan', 'pages', 'shared'])
  })

  test('the second half may be ready before the first: it waits to be used, and nothing hangs', async () => {
    const long = variedReport(30)
    const secondHalf = await readPdfPageLines('long.pdf', long, 16, 30)
    // The parser's own side, linked to this test instead of an app: the shared pages arrive with the plan,
    // before the parser has read a single page of its own half.
    let deliver: (request: ParserRequest) => void = () => {}
    const replies: ParserReply[] = []
    const finished = new Promise<ParserReply>((resolve) => {
      serveParser({
        onRequest: (handler) => (deliver = handler),
        post: (reply) => {
          replies.push(reply)
          if (reply.type === 'announce') {
            deliver({ type: 'plan', id: reply.id, sharedFrom: 16 })
            deliver({ type: 'shared', id: reply.id, pages: secondHalf })
          }
          if (reply.type === 'done' || reply.type === 'failed') resolve(reply)
        },
      })
    })
    deliver({ type: 'parse', id: 7, fileName: 'long.pdf', bytes: long, options: {} })
    const reply = await finished
    expect(reply).toEqual({ type: 'done', id: 7, document: await extractDocument('long.pdf', long) })
  })
})
