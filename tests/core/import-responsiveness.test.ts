import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ProjectSession } from '../../electron/core/project/session'
import { extractDocument } from '../../electron/core/sources/extract'
import { inputFromBase64, runImportBatch } from '../../electron/core/sources/import-batch'
import { cleanLine } from '../../electron/core/sources/line-text'
import { makePdf } from '../fixtures/make-pdf'
import { useTempDir } from '../helpers/temp'
import { inProcessParser } from '../../electron/core/sources/parse/parser'

/** How many times the event loop got round to a setImmediate callback while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0
  let running = true
  const tick = () => {
    if (!running) return
    turns++
    setImmediate(tick)
  }
  setImmediate(tick)
  try {
    return { result: await work(), turns }
  } finally {
    running = false
  }
}

const TOPICS = 'access funding workforce estates records training prescribing outcomes dementia diabetes asthma screening'.split(' ')

/** A report of up to 12 pages, each with its own heading and words (repeated lines would be taken for running headers). */
const report = (pages: number) =>
  makePdf(
    TOPICS.slice(0, pages).map((topic) => [
      `On ${topic}`,
      '',
      `What the partners said about ${topic} in general practice`,
      `and hospital care: ${topic} should be planned together.`,
    ]),
  )

// Taken before any PDF is read: pdf.js is loaded on first use.
const enginePush = Array.prototype.push

describe('PDF extraction shares one pdf.js set-up without side effects', () => {
  test('Array.prototype.push is the engine’s own after pdf.js has loaded', async () => {
    await extractDocument('one.pdf', report(1))
    // pdfjs-dist's legacy build installs a core-js push for the whole process; extraction puts it back.
    expect(Array.prototype.push).toBe(enginePush)
  })

  test('PDFs read at the same time come out as they do one by one', async () => {
    const files = [report(3), report(5), report(2)]
    const oneByOne = []
    for (const [i, bytes] of files.entries()) oneByOne.push(await extractDocument(`r${i}.pdf`, bytes))
    const together = await Promise.all(files.map((bytes, i) => extractDocument(`r${i}.pdf`, bytes)))
    expect(together).toEqual(oneByOne)
    expect(oneByOne[1]!.blocks.map((block) => block.page)).toContain('5')
  })

  test('a PDF that fails does not spoil the shared worker for the next one', async () => {
    const encrypted = makePdf([['The secret plan.']], { userPassword: 'secret' })
    await expect(extractDocument('secret.pdf', encrypted)).rejects.toMatchObject({ code: 'ENCRYPTED' })
    const garbage = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(2000) + '\n%%EOF\n')
    await expect(extractDocument('garbage.pdf', garbage)).rejects.toMatchObject({ code: 'CORRUPT_FILE' })
    const { blocks } = await extractDocument('after.pdf', report(2))
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'On access', page: '1' })
  })

  test('the caller’s bytes are left as they were', async () => {
    const bytes = report(2)
    const copy = bytes.slice()
    await extractDocument('mine.pdf', bytes)
    expect(bytes.byteLength).toBe(copy.byteLength)
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true)
  })
})

describe('the event loop keeps turning during an import', () => {
  test('a PDF gives the event loop a turn for every page', async () => {
    await extractDocument('warm.pdf', report(1))
    const pages = 12
    const { result, turns } = await turnsDuring(() => extractDocument('long.pdf', report(pages)))
    expect(result.blocks.filter((block) => block.kind === 'heading')).toHaveLength(pages)
    expect(turns).toBeGreaterThanOrEqual(pages)
  })

  const temp = useTempDir()

  test('a batch turns the event loop between the steps of each file, not only between files', async () => {
    const session = ProjectSession.create(join(temp(), 'batch.evident'))
    try {
      const inputs = Array.from({ length: 5 }, (_, i) =>
        inputFromBase64(`note-${i}.txt`, Buffer.from(`Note ${i}\n\nGeneral practice needs ${i + 2} more partners.`).toString('base64')),
      )
      const { result, turns } = await turnsDuring(() => runImportBatch(session.sources, inputs, { parser: inProcessParser }))
      expect(result.imported).toHaveLength(5)
      // Before each file, after reading it, before extracting and before storing: four turns a file.
      expect(turns).toBeGreaterThanOrEqual(inputs.length * 4)
    } finally {
      session.close()
    }
  })
})

describe('cleanLine', () => {
  // What cleanLine did before it learnt to pass already-clean lines straight through.
  const reference = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .trim()

  test('gives the same text as the full clean-up, clean input or not', () => {
    const pieces = ['a', 'Z', '9', '.', '~', ' ', '  ', '\t', '\n', '\u00a0', '\u00ad', '\u200b', '\u007f', '\u0085', 'é', 'e\u0301', 'ﬁ', '’', '\u2003', '\ufeff']
    let seed = 7
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0
      return seed / 2 ** 32
    }
    const samples = ['', ' ', 'plain words here', ' leading', 'trailing ', 'two  spaces', 'tab\there']
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 12)
      samples.push(Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join(''))
    }
    for (const sample of samples) expect(cleanLine(sample)).toBe(reference(sample))
  })
})
