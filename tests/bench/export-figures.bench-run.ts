import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, it } from 'vitest'
import { FigureRepository } from '../../electron/core/briefs/figures'
import { bitmapPicture } from '../../electron/core/briefs/figure-picture'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { ProjectSession } from '../../electron/core/project/session'
import { benchDir, fmt, report } from './bench-helpers'
import { generate as generateExportBrief } from './export-bench'

const TABLES = 10
const FIGURES = 10
const RUNS = 5
const RESOURCES = resolve(__dirname, '../../resources')

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra })
const cell = (header: boolean, value: string) => el('tablecell', [el('paragraph', [text(value)])], { headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null })

/** A 6-column table of 12 rows, header row first, as the editor stores it. */
function table(n: number) {
  const rows = [el('tablerow', ['Practice', 'Trust', 'List size', 'GPs', 'Nurses', 'Change'].map((h) => cell(true, h)))]
  for (let r = 0; r < 12; r++) rows.push(el('tablerow', Array.from({ length: 6 }, (_, c) => cell(false, `${n}.${r}.${c} value`))))
  return el('table', rows, { colWidths: [92, 92, 92, 92, 92, 92] })
}

/**
 * Pictures at print resolution, 1600 × 1000: even ones bar charts as PNG (flat colour, ~12 KB, as a chart
 * exported from a spreadsheet is), odd ones ImageMagick's seeded plasma as JPEG at quality 85 (~250 KB, a photograph).
 */
function pictures(dir: string): Buffer[] {
  return Array.from({ length: FIGURES }, (_, i) => {
    const path = join(dir, `figure-${i}.${i % 2 ? 'jpg' : 'png'}`)
    const bars = [0, 1, 2, 3].map((b) => `rectangle ${200 + b * 300},${800 - ((i + b * 3) % 7) * 90} ${400 + b * 300},900`)
    const args = i % 2
      ? ['-seed', String(i + 1), '-size', '1600x1000', 'plasma:', '-quality', '85', path]
      : ['-size', '1600x1000', 'xc:white', '-fill', '#1F3864', ...bars.flatMap((d) => ['-draw', d]), '-depth', '8', path]
    execFileSync('convert', args)
    return readFileSync(path)
  })
}

async function timeExport(session: ProjectSession, briefId: string, dir: string, label: string): Promise<{ median: number; runs: number[]; bytes: number }> {
  const runs: number[] = []
  let bytes = 0
  for (let run = 0; run < RUNS; run++) {
    const outPath = join(dir, `${label}-${run}.docx`)
    const started = performance.now()
    const result = await exportBriefToDocx({ db: session.db, resourcesDir: RESOURCES, projectPath: session.path }, { briefId, outPath, style: 'vancouver', notes: 'footnotes' })
    runs.push(performance.now() - started)
    bytes = result.bytes
  }
  return { median: [...runs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, runs, bytes }
}

describe('export benchmark: tables and figures', () => {
  it('the 50-page brief with 10 tables and 10 figures against the same brief without them', async () => {
    const dir = benchDir('export-figures')
    try {
      const generated = generateExportBrief(dir)
      const session = ProjectSession.open(generated.projectPath)
      const figures = new FigureRepository(session.db)
      const ids = pictures(dir).map((bytes, i) => figures.add(`figure-${i}.${i % 2 ? 'jpg' : 'png'}`, bitmapPicture(`figure-${i}.${i % 2 ? 'jpg' : 'png'}`, bytes)).figure.id)
      const plain = JSON.parse((session.db.prepare('SELECT content FROM briefs WHERE id = ?').get(generated.briefId) as { content: string }).content)
      const rich = structuredClone(plain)
      const children = rich.editorState.root.children as unknown[]
      // One table and one figure after every fifth block, through the body.
      for (let i = TABLES - 1; i >= 0; i--) {
        const at = 2 + Math.floor(((children.length - 4) * i) / TABLES)
        children.splice(at, 0, table(i + 1), { type: 'figure', version: 1, figureId: ids[i], altText: `Chart ${i + 1}: how the measure changed over the years.`, caption: `Measure ${i + 1} by year` })
      }
      session.db.prepare(`INSERT INTO briefs (id, title, template, style, notes, content, revision, created_at, updated_at) SELECT 'bench-rich', title, template, style, notes, ?, 1, created_at, updated_at FROM briefs WHERE id = ?`).run(JSON.stringify(rich), generated.briefId)
      const pictureBytes = ids.reduce((n, id) => n + figures.find(id)!.byteSize, 0)
      await timeExport(session, generated.briefId, dir, 'warm-up')
      const without = await timeExport(session, generated.briefId, dir, 'plain')
      const withThem = await timeExport(session, 'bench-rich', dir, 'rich')
      session.close()
      report(`export-figures: 50-page brief, 300 citations; with ${TABLES} tables (13 × 6) and ${FIGURES} figures (1600 × 1000, 5 PNG charts and 5 JPEG photographs, ${fmt(pictureBytes / 1024 / 1024, 1)} MB of pictures), in-process export, ${RUNS} runs`)
      report(`export-figures: without them  median ${fmt(without.median, 0)} ms  (runs ${without.runs.map((r) => fmt(r, 0)).join(', ')})  ${fmt(without.bytes / 1024, 0)} KB .docx`)
      report(`export-figures: with them     median ${fmt(withThem.median, 0)} ms  (runs ${withThem.runs.map((r) => fmt(r, 0)).join(', ')})  ${fmt(withThem.bytes / 1024, 0)} KB .docx`)
      report(`export-figures: ratio with / without = ${fmt(withThem.median / without.median)} (reported; no goal)  ${fmt(statSync(join(dir, 'rich-0.docx')).size / 1024 / 1024, 1)} MB file`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)
})
