import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, it } from 'vitest'
import { findParserEntry } from '../../electron/core/app/resources'
import { assembleText } from '../../electron/core/sources/assemble'
import { forkParser, nodeParserPool } from '../../electron/core/sources/parse/node-process'
import { ParserPool } from '../../electron/core/sources/parse/pool'
import { benchDir, fmt, report } from './bench-helpers'

/**
 * Plain text that took minutes or broke the importer (issue 14): a million single-newline lines (70 s for
 * 100,000 before, and one paragraph), one 50 MB line (called "damaged"), Markdown lines of 200 KB (40–90 s).
 * Each is read by a real parser process; the baseline is `wc -l` on the same file, the least any reader does.
 */
describe('plain text import benchmarks', () => {
  it('a million lines, one 50 MB line and 200 KB Markdown lines, through a parser process', async () => {
    const dir = benchDir('text')
    const cases: [label: string, fileName: string, text: string][] = [
      ['1,000,000 single-newline lines (one sentence each)', 'million.txt', Array.from({ length: 1_000_000 }, (_, i) => `Entry ${i} of the export records one visit to the practice.`).join('\n')],
      ['1,000,000 lines of wrapped prose, no blank line', 'prose.txt', Array.from({ length: 1_000_000 }, (_, i) => (i % 9 === 8 ? 'and so the sentence ends here.' : `the wrapped line ${i} runs on into the next`)).join('\n')],
      ['one line of 50 MB', 'one-line.txt', 'word '.repeat(10_000_000)],
      ['Markdown: one 200 KB line of unclosed "**"', 'stars.md', '**a '.repeat(50_000)],
      ['Markdown: one 200 KB line of unclosed "["', 'brackets.md', '['.repeat(200_000)],
    ]
    const pool = nodeParserPool(findParserEntry(__dirname), { size: 1 })
    try {
      for (const [label, fileName, text] of cases) {
        const path = join(dir, fileName)
        writeFileSync(path, text)
        const bytes = new TextEncoder().encode(text)
        let started = performance.now()
        let outcome: string
        try {
          const document = await pool.parse({ fileName, bytes })
          const assembled = assembleText(document.blocks)
          const count = assembled.paragraphs.length
          outcome = `${count.toLocaleString('en-GB')} paragraph${count === 1 ? '' : 's'}`
        } catch (error) {
          outcome = `refused: ${(error as Error).message}`
        }
        const ours = performance.now() - started
        started = performance.now()
        execFileSync('wc', ['-l', path], { stdio: ['ignore', 'pipe', 'ignore'] })
        const theirs = performance.now() - started
        report(`${label} (${fmt(bytes.length / 1024 / 1024, 1)} MB): ${fmt(ours / 1000)} s through the parser process and into paragraphs, ${outcome}; wc -l ${fmt(theirs / 1000, 3)} s`)
      }
    } finally {
      await pool.close()
    }
  })

  it('a 31 MB saved web page: time and the reader’s peak memory', async () => {
    // What large saved pages are made of: megabytes of inline script and JSON, styles, and a long article.
    const script = `<script>window.__STATE__ = ${JSON.stringify(Array.from({ length: 190_000 }, (_, i) => ({ id: i, title: `Item ${i} of the feed`, url: `https://example.org/${i}` })))}</script>`
    const styles = `<style>${Array.from({ length: 60_000 }, (_, i) => `.c${i}{margin:${i % 9}px}`).join('')}</style>`
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}: waiting times rose in every region, and practices merged to cope.</p>`).join('')
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Large page</title>${styles}${script}</head><body><nav>${'<a href="/x">Link</a>'.repeat(20_000)}</nav><article><h1>Large page</h1>${paragraphs}</article>${script}</body></html>`
    const bytes = new TextEncoder().encode(html)
    const pids: number[] = []
    const spawn = forkParser(findParserEntry(__dirname))
    const pool = new ParserPool({ size: 1, spawn: () => {
      const channel = spawn()
      pids.push(channel.pid!)
      return channel
    } })
    try {
      const started = performance.now()
      let outcome: string
      let peak = NaN
      try {
        const document = await pool.parse({ fileName: 'large.html', bytes })
        outcome = `${document.blocks.length.toLocaleString('en-GB')} blocks`
        peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pids[0]}/status`, 'utf8'))?.[1]) / 1024
      } catch (error) {
        outcome = `refused: ${(error as Error).message}`
      }
      report(`saved web page of ${fmt(bytes.length / 1024 / 1024, 1)} MB: ${fmt((performance.now() - started) / 1000)} s through the parser process, ${outcome}; reader's peak resident memory ${fmt(peak, 0)} MB (before: a 31 MB page reached 3.2 GB)`)
    } finally {
      await pool.close()
    }
  })
})

