import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ProjectSession } from '../../electron/core/project/session'
import type { CslItem } from '@shared/dto/csl'
import type { Block } from '../../electron/core/sources/extracted'
import { benchDir, fmt, seededRandom } from './bench-helpers'

// At scale 1; the 10× brief has ten times the sources, citations and sections (about 500 pages).
const SOURCES = 120
const CITATIONS = 300
const SECTIONS = 10
const SUBSECTIONS = 5
const PARAGRAPHS_PER_SUB = 2
const RUNS = 3
// Sentences of ~22 words per paragraph: with 300 full-reference footnotes the .docx lays out at ~54 A4 pages
// in LibreOffice (pandoc’s version of the same content: ~50).
const SENTENCES = 4

const WORDS = `practice hospital trust patients integration funding workforce access primary care community services general
  federation contract commissioning demand capacity evidence outcome quality network neighbourhood partnership model
  policy board investment premises recruitment retention list continuity coordination pathway referral specialist`
  .split(/\s+/)
  .filter(Boolean)

function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'evident.js')) && existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error('export bench: run it from inside the Evident checkout')
  }
}

function sentence(random: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!)
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1)
  return `${out.join(' ')}.`
}

const TYPES = ['article-journal', 'webpage', 'report', 'article-newspaper'] as const

function record(i: number): Partial<CslItem> {
  const type = TYPES[i % TYPES.length]!
  const base: Partial<CslItem> = {
    type,
    title: `Study ${i + 1} of general practice and hospital integration`,
    author: [{ family: `Author${i + 1}`, given: 'Alex' }, ...(i % 3 === 0 ? [{ family: `Coauthor${i + 1}`, given: 'Sam' }] : [])],
    issued: { 'date-parts': [[2000 + (i % 24)]] },
  }
  if (type === 'article-journal') return { ...base, 'container-title': 'Journal of Primary Care', volume: String(10 + (i % 30)), page: `${i + 1}-${i + 9}`, DOI: `10.5555/bench.${i + 1}` }
  if (type === 'report') return { ...base, publisher: 'Policy Institute', 'publisher-place': 'London' }
  return { ...base, 'container-title': 'Health Policy Daily', URL: `https://example.org/articles/${i + 1}` }
}

interface Generated {
  projectPath: string
  briefId: string
  /** The content with each reference written out in a footnote, for plain `pandoc`. */
  markdownPath: string
  /** The same content citing `[@source, p. 3]`, with `bibliographyPath`, for `pandoc --citeproc`. */
  citeprocPath: string
  bibliographyPath: string
}

/** The project, its brief (as the editor stores it) and the same content as Markdown with footnotes for pandoc. */
export function generate(dir: string, scale = 1): Generated {
  mkdirSync(dir, { recursive: true })
  const sources = SOURCES * scale
  const citations = CITATIONS * scale
  const sections = SECTIONS * scale
  const random = seededRandom(20250101)
  const session = ProjectSession.create(join(dir, 'bench.evident'))
  const claims: { id: string; sourceId: string; quote: string; paragraph: number; page?: string; reference: string }[] = []
  const insertClaim = session.db.prepare(
    `INSERT INTO claims (id, source_id, source_title, statement, quote, anchor, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
  )
  const now = new Date().toISOString()
  const bibliography: CslItem[] = []
  for (let i = 0; i < sources; i++) {
    const pdf = TYPES[i % TYPES.length] === 'report'
    const blocks: Block[] = Array.from({ length: 40 }, (_, p) => ({ kind: 'paragraph' as const, text: [sentence(random, 14), sentence(random, 18), sentence(random, 12)].join(' '), ...(pdf ? { page: String(1 + Math.floor(p / 4)) } : {}) }))
    const bytes = new TextEncoder().encode(JSON.stringify(blocks))
    const csl = record(i)
    const { id: sourceId, title } = session.sources.insert({
      fileName: `source-${i + 1}.${pdf ? 'pdf' : 'html'}`,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      document: { format: pdf ? 'pdf' : 'html', mime: pdf ? 'application/pdf' : 'text/html', blocks, metadata: {} },
      csl,
    })
    bibliography.push({ ...csl, id: sourceId } as CslItem)
    const source = session.sources.get(sourceId)
    for (const p of [3, 17]) {
      const para = source.paragraphs[p]!
      const quote = para.text.slice(0, para.text.indexOf('.') + 1)
      const id = `c${i}-${p}`
      const anchor = { exact: quote, prefix: '', suffix: '', start: para.start, end: para.start + quote.length, paragraph: para.number, ...(para.page ? { page: para.page } : {}) }
      insertClaim.run(id, sourceId, title, quote, quote, JSON.stringify(anchor), now, now)
      const authors = (csl.author ?? []).map((a) => `${a.family} ${a.given![0]}`).join(', ')
      const where = csl.DOI ? `https://doi.org/${csl.DOI}` : (csl.URL ?? csl.publisher ?? '')
      const pin = para.page ? `p. ${para.page}` : `¶ ${para.number}`
      claims.push({ id, sourceId, quote, paragraph: para.number, ...(para.page ? { page: para.page } : {}), reference: `${authors}. ${csl.title}. ${csl['container-title'] ?? ''} ${(csl.issued?.['date-parts']?.[0]?.[0]) ?? ''}. ${where}. ${pin}.` })
    }
  }

  // 300 citations: every claim once in a shuffled order, then repeats, spread over the brief's paragraphs.
  const order = claims.map((_, i) => i).sort(() => random() - 0.5)
  while (order.length < citations) order.push(Math.floor(random() * claims.length))
  const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' })
  const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra })
  const nodes: unknown[] = [el('heading', [text('Integrating general practice with hospital care: a review')], { tag: 'h1' })]
  const md: string[] = ['# Integrating general practice with hospital care: a review', '']
  const cmd: string[] = [...md]
  const notes: string[] = []
  const paragraphs = sections * SUBSECTIONS * PARAGRAPHS_PER_SUB
  let cited = 0
  const both = (...lines: string[]) => {
    md.push(...lines)
    cmd.push(...lines)
  }
  for (let s = 0; s < sections; s++) {
    nodes.push(el('heading', [text(`Section ${s + 1}`)], { tag: 'h2' }))
    both(`## Section ${s + 1}`, '')
    const bullets = [sentence(random, 12), sentence(random, 10), sentence(random, 14)]
    nodes.push(el('list', bullets.map((b, i) => el('listitem', [text(b)], { value: i + 1 })), { listType: 'bullet', start: 1, tag: 'ul' }))
    both(...bullets.map((b) => `- ${b}`), '')
    for (let u = 0; u < SUBSECTIONS; u++) {
      nodes.push(el('heading', [text(`Option ${s + 1}.${u + 1}`)], { tag: 'h3' }))
      both(`### Option ${s + 1}.${u + 1}`, '')
      for (let p = 0; p < PARAGRAPHS_PER_SUB; p++) {
        const index = (s * SUBSECTIONS + u) * PARAGRAPHS_PER_SUB + p
        const share = Math.round(((index + 1) * citations) / paragraphs) - Math.round((index * citations) / paragraphs)
        const children: unknown[] = []
        let markdown = ''
        let cites = ''
        for (let k = 0; k < SENTENCES; k++) {
          const words = sentence(random, 22)
          children.push(text(`${words} `))
          markdown += `${words} `
          cites += `${words} `
          if (k < share) {
            const claim = claims[order[cited++]!]!
            const snapshot = { claimId: claim.id, statement: claim.quote, quote: claim.quote, sourceId: claim.sourceId, sourceTitle: '', shortCitation: '', paragraph: claim.paragraph }
            children.push({ type: 'citation', version: 1, claimId: claim.id, snapshot })
            notes.push(`[^${cited}]: ${claim.reference}`)
            markdown += `[^${cited}] `
            cites += `[@${claim.sourceId}, ${claim.page ? `p. ${claim.page}` : `para. ${claim.paragraph}`}] `
          }
        }
        nodes.push(el('paragraph', children))
        md.push(markdown.trim(), '')
        cmd.push(cites.trim(), '')
      }
    }
  }
  nodes.push(el('heading', [text('References')], { tag: 'h2' }), { type: 'references', version: 1 })
  md.push('## References', '', ...notes.map((n) => `${n}\n`))
  cmd.push('## References', '')
  if (cited !== citations) throw new Error(`export bench: generated ${cited} citations, not ${citations}`)
  const content = { format: 'evident-brief', version: 1, editorState: { root: el('root', nodes) } }
  session.db
    .prepare(`INSERT INTO briefs (id, title, template, style, notes, content, revision, created_at, updated_at) VALUES ('bench', ?, 'blank', 'vancouver', 'footnotes', ?, 1, ?, ?)`)
    .run('Integrating general practice with hospital care: a review', JSON.stringify(content), now, now)
  session.close()
  const markdownPath = join(dir, 'in.md')
  writeFileSync(markdownPath, md.join('\n'))
  const citeprocPath = join(dir, 'cited.md')
  writeFileSync(citeprocPath, cmd.join('\n'))
  const bibliographyPath = join(dir, 'bibliography.json')
  writeFileSync(bibliographyPath, JSON.stringify(bibliography))
  return { projectPath: join(dir, 'bench.evident'), briefId: 'bench', markdownPath, citeprocPath, bibliographyPath }
}

interface Measured {
  seconds: number
  peakKb: number | null
}

/** One whole process, wall-clock timed; /usr/bin/time -v adds its peak resident memory when it is there. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const useTime = existsSync('/usr/bin/time')
  const [file, argv] = useTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args]
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-500)}`))
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]
      resolvePromise({ seconds, peakKb: peak ? Number(peak) : null })
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const peakOf = (list: Measured[]) => (list[0]!.peakKb === null ? null : Math.max(...list.map((m) => m.peakKb!)) / 1024)
const mb = (value: number | null) => (value === null ? 'n/a' : `${fmt(value, 0)} MB`)

/** One size of the brief: evident export, pandoc md → docx and pandoc --citeproc, each a whole process, in turns. */
async function benchScale(root: string, dir: string, scale: number, runs: number, report: (line: string) => void): Promise<void> {
  const generated = generate(join(dir, `x${scale}`), scale)
  const env = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), APPDATA: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') }
  const csl = join(root, 'resources', 'csl', 'styles', 'vancouver.csl')
  const ours: Measured[] = []
  const plain: Measured[] = []
  const cited: Measured[] = []
  for (let run = 0; run < runs; run++) {
    const out = join(dir, `x${scale}`, `evident-${run}.docx`)
    ours.push(await measure(process.execPath, [resolve(root, 'bin', 'evident.js'), 'export', '--project', generated.projectPath, '--brief', generated.briefId, '--out', out, '--style', 'vancouver', '--notes', 'footnotes'], env))
    plain.push(await measure('pandoc', [generated.markdownPath, '-o', join(dir, `x${scale}`, `pandoc-${run}.docx`)], env))
    cited.push(await measure('pandoc', [generated.citeprocPath, '--citeproc', '--bibliography', generated.bibliographyPath, '--csl', csl, '-o', join(dir, `x${scale}`, `citeproc-${run}.docx`)], env))
  }
  const time = (list: Measured[]) => median(list.map((m) => m.seconds))
  const runsOf = (list: Measured[]) => list.map((m) => fmt(m.seconds)).join(', ')
  const label = scale === 1 ? '50-page brief' : `${scale}× brief`
  report(`export ${label}: ${CITATIONS * scale} citations from ${SOURCES * scale} sources, Vancouver footnotes (${fmt(statSync(join(dir, `x${scale}`, 'evident-0.docx')).size / 1024, 0)} KB .docx)`)
  report(`export ${label}: evident export process   median ${fmt(time(ours))} s  (runs ${runsOf(ours)})  peak memory ${mb(peakOf(ours))}`)
  report(`export ${label}: pandoc md → docx          median ${fmt(time(plain))} s  (runs ${runsOf(plain)})  peak memory ${mb(peakOf(plain))}`)
  report(`export ${label}: pandoc --citeproc (vancouver.csl) median ${fmt(time(cited))} s  (runs ${runsOf(cited)})  peak memory ${mb(peakOf(cited))}`)
  for (const [name, list] of [['pandoc', plain], ['pandoc --citeproc', cited]] as const) {
    const ratio = time(ours) / time(list)
    const memory = peakOf(ours) !== null && peakOf(list) !== null ? `, memory ${fmt(peakOf(ours)! / peakOf(list)!)}×` : ''
    report(`export ${label}: evident / ${name} = ${fmt(ratio)} (goal ≤ 1.00)${ratio <= 1 ? '' : '  — slower'}${memory}`)
  }
}

/**
 * Export benchmark: a 50-page brief with 300 citations from 120 sources, exported by a whole
 * `node bin/evident.js export` process, against pandoc turning the same content into .docx: as Markdown with
 * its references written in footnotes (`pandoc`), and citing the same sources and pinpoints through
 * `pandoc --citeproc` with the same style; then the same at 10× (3,000 citations). Goal: our time at most
 * pandoc's. Needs the build (npm run build) and pandoc on PATH.
 */
export async function benchExport(report: (line: string) => void): Promise<void> {
  const root = repoRoot()
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('export bench: build first (npm run build)')
  const dir = benchDir('export')
  try {
    await benchScale(root, dir, 1, RUNS, report)
    await benchScale(root, dir, 10, 2, report)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
