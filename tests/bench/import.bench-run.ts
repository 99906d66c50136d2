import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { describe, it } from 'vitest'
import { ProjectSession } from '../../electron/core/project/session'
import { extractDocument } from '../../electron/core/sources/extract'
import { inputFromBase64, runImportBatch } from '../../electron/core/sources/import-batch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { RESOURCES_DIR } from '../helpers/temp'
import { benchDir, fmt, report, seededRandom } from './bench-helpers'

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

/** Best-of-n time for our extraction and for pdftotext over the same files, in ms. */
async function timeBoth(pdfs: string[], rounds: number): Promise<{ ours: number; theirs: number }> {
  let ours = Infinity
  let theirs = Infinity
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    for (const pdf of pdfs) await extractDocument(pdf.split('/').pop()!, new Uint8Array(readFileSync(pdf)))
    ours = Math.min(ours, performance.now() - t)
    t = performance.now()
    for (const pdf of pdfs) execFileSync('pdftotext', ['-layout', pdf, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    theirs = Math.min(theirs, performance.now() - t)
  }
  return { ours, theirs }
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
    for (const [label, pdfs] of cases) {
      const pages = pdfs.reduce((n, p) => n + pageCount(p), 0)
      const { ours, theirs } = await timeBoth(pdfs, rounds)
      report(`PDF extraction, ${label}: ${pdfs.length} PDF(s), ${pages} pages (best of ${rounds})`)
      report(`  evident (pdfjs-dist + normalise): ${fmt(ours / pages)} ms/page`)
      report(`  pdftotext (poppler):              ${fmt(theirs / pages)} ms/page`)
      report(`  ratio: ${fmt(ours / theirs)}× pdftotext (goal ≤ 2×)`)
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
    const path = join(dir, 'batch.evident')
    const session = ProjectSession.create(path)
    const lag = monitorEventLoopDelay({ resolution: 10 })
    lag.enable()
    const started = performance.now()
    const summary = await runImportBatch(session.sources, inputs, { parser: inProcessParser })
    const seconds = (performance.now() - started) / 1000
    lag.disable()
    session.db.pragma('wal_checkpoint(TRUNCATE)')
    session.close()
    const fileBytes = statSync(path).size
    report(`Batch import: ${summary.imported.length} imported, ${summary.failed.length} failed, ${summary.duplicates.length} duplicates`)
    report(`  ${fmt(summary.imported.length / seconds, 1)} sources/s (${fmt(seconds, 1)} s in all)`)
    report(`  project file ${fmt(fileBytes / 1024 / 1024)} MB for ${fmt(rawBytes / 1024 / 1024)} MB of raw text: ${fmt(fileBytes / rawBytes)}× (originals + text + index)`)
    report(`  event loop during the batch: p99 delay ${fmt(lag.percentile(99) / 1e6, 1)} ms, max ${fmt(lag.max / 1e6, 1)} ms`)
  })
})
