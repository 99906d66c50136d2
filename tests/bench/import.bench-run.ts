import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, it } from 'vitest'
import { ProjectSession } from '../../electron/core/project/session'
import { extractDocument } from '../../electron/core/sources/extract'
import { inputFromBase64, runImportBatch } from '../../electron/core/sources/import-batch'
import { findParserEntry } from '../../electron/core/app/resources'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import { inProcessParser, type DocumentParser } from '../../electron/core/sources/parse/parser'
import { RESOURCES_DIR } from '../helpers/temp'
import { benchDir, eventLoopDelayDuring, fmt, report, seededRandom } from './bench-helpers'

const corpusDir = join(RESOURCES_DIR, 'corpus')
const starterTexts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'))

/**
 * Real PDFs, typeset by LibreOffice from the starter texts: five article-length documents and one long
 * report (every text, eight times over), because pdftotext's per-page cost is mostly its start-up on short files.
 */
function makePdfs(dir: string): { short: string[]; long: string } {
  const inputs = starterTexts.map((text, i) => {
    const path = join(dir, `doc-${i}.txt`)
    writeFileSync(path, Array.from({ length: 4 }, () => text).join('\n\n'))
    return path
  })
  const longInput = join(dir, 'long-report.txt')
  writeFileSync(longInput, Array.from({ length: 8 }, () => starterTexts.join('\n\n')).join('\n\n'))
  inputs.push(longInput)
  execFileSync('libreoffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
    stdio: 'ignore',
    timeout: 240_000,
  })
  const pdfs = inputs.map((p) => p.replace(/\.txt$/, '.pdf'))
  return { short: pdfs.slice(0, -1), long: pdfs.at(-1)! }
}

/** Best-of-n time for our extraction (in-process and through the warm parser pool) and for pdftotext, in ms. */
async function timeBoth(pdfs: string[], rounds: number, pool: DocumentParser): Promise<{ ours: number; pooled: number; theirs: number }> {
  let ours = Infinity
  let pooled = Infinity
  let theirs = Infinity
  const files = pdfs.map((pdf) => ({ fileName: pdf.split('/').pop()!, bytes: new Uint8Array(readFileSync(pdf)) }))
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    for (const file of files) await extractDocument(file.fileName, file.bytes)
    ours = Math.min(ours, performance.now() - t)
    t = performance.now()
    await Promise.all(files.map((file) => pool.parse(file)))
    pooled = Math.min(pooled, performance.now() - t)
    t = performance.now()
    for (const pdf of pdfs) execFileSync('pdftotext', ['-layout', pdf, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    theirs = Math.min(theirs, performance.now() - t)
  }
  return { ours, pooled, theirs }
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
}

describe('import benchmarks', () => {
  it('PDF text extraction: ms per page against pdftotext on the same PDFs', async () => {
    const dir = benchDir('pdf')
    const { short, long } = makePdfs(dir)
    const rounds = 3
    const cases: [label: string, pdfs: string[]][] = [
      ['article-length PDFs', short],
      ['one long report', [long]],
    ]
    const pool = nodeParserPool(findParserEntry(__dirname))
    try {
      await Promise.all([1, 2].map(() => pool.parse({ fileName: 'warm.pdf', bytes: new Uint8Array(readFileSync(short[0]!)) })))
      for (const [label, pdfs] of cases) {
        const pages = pdfs.reduce((n, p) => n + pageCount(p), 0)
        const { ours, pooled, theirs } = await timeBoth(pdfs, rounds, pool)
        report(`PDF extraction, ${label}: ${pdfs.length} PDF(s), ${pages} pages (best of ${rounds})`)
        report(`  evident in-process (pdfjs-dist + normalise): ${fmt(ours / pages)} ms/page`)
        report(`  evident through the parser pool (${pool.size} processes, warm): ${fmt(pooled / pages)} ms/page`)
        report(`  pdftotext (poppler):                          ${fmt(theirs / pages)} ms/page`)
        report(`  ratio: pool ${fmt(pooled / theirs)}×, in-process ${fmt(ours / theirs)}× pdftotext (goal ≤ 2× with the pool)`)
      }
    } finally {
      await pool.close()
    }
  })

  it('batch import of 1,000 generated text/HTML sources including indexing', async () => {
    const dir = benchDir('batch')
    const random = seededRandom(42)
    const sentences = starterTexts.join(' ').replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/).filter((s) => s.length > 40)
    let rawBytes = 0
    const inputs = Array.from({ length: 1000 }, (_, i) => {
      const paragraphs = Array.from({ length: 12 }, () =>
        Array.from({ length: 4 }, () => sentences[Math.floor(random() * sentences.length)]).join(' '),
      )
      const body = `Generated source ${i}\n\n${paragraphs.join('\n\n')}`
      rawBytes += Buffer.byteLength(body)
      const isHtml = i % 2 === 1
      const content = isHtml
        ? `<!doctype html><html><head><title>Generated source ${i}</title><meta name="citation_title" content="Generated source ${i}"></head><body><article><h1>Generated source ${i}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
        : body
      return inputFromBase64(`source-${i}.${isHtml ? 'html' : 'txt'}`, Buffer.from(content).toString('base64'))
    })
    report(`Batch import of ${inputs.length} generated sources (${fmt(rawBytes / 1024 / 1024)} MB of text), delay of the importing process's event loop sampled every 5 ms`)
    const configurations: [label: string, parser: () => DocumentParser][] = [
      ['parsing in-process (before)', () => inProcessParser],
      ['parser pool, 1 process', () => nodeParserPool(findParserEntry(__dirname), { size: 1 })],
      ['parser pool, 2 processes', () => nodeParserPool(findParserEntry(__dirname), { size: 2 })],
    ]
    const rates: number[] = []
    for (const [n, [label, makeParser]] of configurations.entries()) {
      const path = join(dir, `batch-${n}.evident`)
      const session = ProjectSession.create(path)
      const parser = makeParser()
      const started = performance.now()
      const { result: summary, p99Ms, maxMs } = await eventLoopDelayDuring(() => runImportBatch(session.sources, inputs, { parser }))
      const seconds = (performance.now() - started) / 1000
      await parser.close()
      session.db.pragma('wal_checkpoint(TRUNCATE)')
      session.close()
      rates.push(summary.imported.length / seconds)
      report(`  ${label}: ${summary.imported.length} imported, ${summary.failed.length} failed, ${fmt(rates.at(-1)!, 1)} sources/s; event-loop delay p99 ${fmt(p99Ms, 1)} ms, max ${fmt(maxMs, 1)} ms`)
      if (n === 0) {
        const fileBytes = statSync(path).size
        report(`  project file ${fmt(fileBytes / 1024 / 1024)} MB: ${fmt(fileBytes / rawBytes)}× the raw text (originals + text + index)`)
      }
    }
    report(`  pool of 2 against pool of 1: ${fmt(rates[2]! / rates[1]!)}× sources/s (goal ≥ 1.6× on two cores); event-loop goal p99 < 20 ms, max < 100 ms`)
  })
})
