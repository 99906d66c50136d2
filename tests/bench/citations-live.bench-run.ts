import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { isCitingNode, rootOf } from '../../electron/core/briefs/content'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { formatCitations } from '../../electron/core/export/preview'
import { ProjectSession } from '../../electron/core/project/session'
import { treeClusters } from '@shared/citation-clusters'
import type { NoteMode } from '@shared/dto/briefs'
import type { FormatRequest } from '@shared/dto/citations'
import { benchDir, fmt, percentile, report } from './bench-helpers'
import { generateBenchBriefs } from './editor-ui-data'

const RESOURCES_DIR = join(__dirname, '../../resources')
const RUNS = 20

/**
 * The editor's citation answer after a citation is inserted at the top of the 2,000-citation brief (issue 10):
 * the brief's kept engine updated incrementally (processCitationCluster, the reference list's changed entries
 * only, the reply carrying the labels that changed) against the old path, a fresh
 * engine formatting every cluster, measured in the same run, in a numeric and in a note style. This is the
 * core's part of "inserted → every label and the reference list updated"; the Chromium editor bench
 * (editor-ui.bench-run.ts) measures the same request from the page with painting.
 */
describe('citations in a long brief: incremental engine against a fresh one per request', () => {
  const dir = benchDir('citations-live')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('inserting a citation into the 2,000-citation brief, Vancouver (numeric) and Chicago notes', () => {
    const briefs = generateBenchBriefs(join(dir, 'live.evident'))
    const session = ProjectSession.open(briefs.path)
    try {
      const doc = new BriefRepository(session.db).get(briefs.cited.id)
      const clusters = treeClusters(rootOf(doc.content), isCitingNode).map((nodes, i) => ({ id: `k${i}`, claimIds: nodes.map((n) => String(n.claimId)) }))
      report(`citations-live: ${clusters.length.toLocaleString('en-GB')} clusters in the brief; inserting a citation of a new source at the top, ${RUNS} times per style`)
      for (const [style, notes] of [['vancouver', 'none'], ['chicago', 'footnotes']] as [string, NoteMode][]) {
        const briefId = `${briefs.cited.id}-${style}`
        let answer = formatCitations(session.db, RESOURCES_DIR, { style, notes, briefId, fresh: true, clusters }).answer
        // As the editor asks: since the reply it shows, so the core sends the labels that changed (and the list if it did).
        const ask = (list: FormatRequest['clusters']) => {
          const reply = formatCitations(session.db, RESOURCES_DIR, { style, notes, briefId, since: answer, clusters: list })
          answer = reply.answer
          return reply
        }
        const incremental: number[] = []
        const rebuilt: number[] = []
        const sent: number[] = []
        for (let run = 0; run < RUNS; run++) {
          const claim = briefs.fresh[run % briefs.fresh.length]!
          const inserted = [{ id: `new${run}`, claimIds: [claim.claimId] }, ...clusters]
          let t = performance.now()
          const reply = ask(inserted)
          incremental.push(performance.now() - t)
          sent.push('changed' in reply ? reply.changed.length : reply.labels.length)
          // The kept engine's whole answer (it stands at `inserted`, so this formats nothing) against a fresh engine's.
          const live = formatCitations(session.db, RESOURCES_DIR, { style, notes, briefId, clusters: inserted })
          answer = live.answer
          t = performance.now()
          const fresh = formatCitations(session.db, RESOURCES_DIR, { style, notes, briefId: `${briefId}-baseline`, fresh: true, clusters: inserted })
          rebuilt.push(performance.now() - t)
          if (live.labels.join('|') !== fresh.labels.join('|') || live.references.map((r) => r.text).join('|') !== fresh.references.map((r) => r.text).join('|')) {
            throw new Error(`${style}: the incremental answer differs from a fresh one`)
          }
          // Back to the brief as it was, incrementally too (the next insert starts from it).
          ask(clusters)
        }
        // A citation of a work already cited, added at the end: nothing renumbers, the reference list stands.
        const appended: number[] = []
        for (let run = 0; run < RUNS; run++) {
          const last = clusters[clusters.length - 1]!
          const list = [...clusters, { id: `end${run}`, claimIds: last.claimIds }]
          const t = performance.now()
          ask(list)
          appended.push(performance.now() - t)
          ask(clusters)
        }
        const describe = (list: number[]) => {
          const sorted = [...list].sort((a, b) => a - b)
          return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }
        }
        const a = describe(incremental)
        const b = describe(rebuilt)
        const c = describe(appended)
        report(`  ${style} (${notes}): a citation of a work already cited, added at the end: median ${fmt(c.p50, 1)} ms, p95 ${fmt(c.p95, 1)} ms`)
        report(
          `  ${style} (${notes}): a citation of a new work inserted at the top: incremental median ${fmt(a.p50, 1)} ms, p95 ${fmt(a.p95, 1)} ms, ${describe(sent).p50} labels sent (goal < 50 / 100 ms: ${a.p50 < 50 && a.p95 < 100 ? 'met' : 'NOT met'}); fresh engine (the old path) median ${fmt(b.p50, 1)} ms, p95 ${fmt(b.p95, 1)} ms; ${fmt(b.p50 / a.p50, 1)}× faster at the median`,
        )
      }
    } finally {
      session.close()
    }
  }, 600_000)
})
