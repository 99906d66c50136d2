import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProjectFile } from '../../electron/core/app/handlers/project'
import { isCitingNode, rootOf } from '../../electron/core/briefs/content'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { CitationEngine, type CiteInput } from '../../electron/core/citations/engine'
import { mergeSameWork } from '../../electron/core/citations/locators'
import { runsToText } from '../../electron/core/citations/runs'
import { StyleRegistry } from '../../electron/core/citations/styles'
import { loadClaims, loadSources } from '../../electron/core/export/cited'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { locatorOf } from '../../electron/core/export/prepare'
import { formatCitations } from '../../electron/core/export/preview'
import type { ProjectSession } from '../../electron/core/project/session'
import { treeClusters } from '@shared/citation-clusters'
import { BUILTIN_STYLES } from '@shared/dto/briefs'
import type { CslItem } from '@shared/dto/csl'
import { cslRecords } from '../fixtures/csl-records'
import { noteTexts, plain, readDocx } from '../fixtures/docx-inspect'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'
import { KNOWN_DIFFERENCES } from './citations-oracle-known'

/** Both sides compared as a reader sees them: one kind of space, pandoc's "↩︎" back links gone. */
function normalise(text: string): string {
  return text
    .replace(/↩︎|↩/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
}

/** pandoc's html as text. */
function fromHtml(html: string): string {
  return normalise(
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  )
}

interface Rendered {
  labels: string[]
  references: Map<string, string>
}

/** pandoc's answer for every cluster and every reference, from one pandoc --citeproc call per style. */
function pandocRender(markdown: string, bib: string, csl: string, clusters: number): Rendered {
  const html = execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '--citeproc', `--csl=${csl}`, `--bibliography=${bib}`, '-M', 'lang=en-GB', '--wrap=none'], {
    input: markdown,
    encoding: 'utf8',
  })
  const notes = new Map([...html.matchAll(/<li id="fn(\d+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => [Number(m[1]), fromHtml(m[2]!)]))
  const labels: string[] = []
  for (let i = 0; i < clusters; i++) {
    const para = new RegExp(`<p>K${i}\\b([\\s\\S]*?)</p>`).exec(html)?.[1] ?? ''
    const note = /href="#fn(\d+)"/.exec(para)?.[1]
    labels.push(note ? notes.get(Number(note))! : fromHtml(para).replace(/\.$/, '').trim())
  }
  const references = new Map([...html.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*(?=<div id="ref-|<\/div>)/g)].map((m) => [m[1]!, fromHtml(m[2]!)]))
  return { labels, references }
}

const pandocLocator = (l: ReturnType<typeof locatorOf>) => (l ? `, ${l.label === 'page' ? 'p.' : 'para.'} ${l.value}` : '')

describe('the pandoc oracle: Evident’s citations and references against pandoc --citeproc, style by style', () => {
  const temp = useTempDir('evident-oracle-')
  let session: ProjectSession
  let briefId: string
  let markdown: string
  let bib: string
  let starterIds: string[]
  let clusterCount: number
  let items: CslItem[]
  let starterClusters: CiteInput[][]
  const records = cslRecords()
  const results = new Map<string, { differences: string[] }>()

  beforeAll(async () => {
    session = await createProjectFile(join(temp(), 'starter.evident'), true, RESOURCES_DIR)
    const brief = new BriefRepository(session.db).list()[0]!
    briefId = brief.id
    const clusters = treeClusters(rootOf(new BriefRepository(session.db).get(briefId).content), isCitingNode)
    clusterCount = clusters.length
    const claims = loadClaims(session.db, clusters.flat().map((n) => String(n.claimId)), null)
    const sources = loadSources(session.db, [...claims.values()].map((c) => c.sourceId!))
    starterIds = [...sources.keys()]
    items = [...[...sources.values()].map((s) => s.csl), ...records]
    bib = join(temp(), 'bibliography.json')
    writeFileSync(bib, JSON.stringify(items))
    // One paragraph per cluster, then the 60 records each cited once after them (so numbering agrees).
    starterClusters = clusters.map((nodes) =>
      nodes.map((n) => {
        const claim = claims.get(String(n.claimId))!
        const locator = locatorOf({ paragraph: claim.anchor.paragraph, ...(claim.anchor.page ? { page: claim.anchor.page } : {}) })
        return { sourceId: claim.sourceId!, ...(locator ? { locator } : {}) }
      }),
    )
    markdown = [
      // Two claims of one work are one cite with both pinpoints, as a pandoc user writes it: [@drage, para. 9, 11].
      ...starterClusters.map((group, i) => `K${i} [${mergeSameWork(group).map((c) => `@${c.sourceId}${pandocLocator(c.locator)}`).join('; ')}].`),
      ...records.map((r, i) => `R${i} [@${r.id}].`),
    ].join('\n\n')

    const out = temp()
    for (const id of BUILTIN_STYLES) {
      const style = new StyleRegistry(session.db, RESOURCES_DIR).resolve(id)
      const oracle = pandocRender(markdown, bib, join(RESOURCES_DIR, 'csl', 'styles', /[^/]+\.csl$/.exec(styleFile(id))![0]), clusterCount)
      // Evident's .docx: the starter brief exported in the style (note styles as footnotes), without quotes.
      const path = join(out, `${id}.docx`)
      const result = await exportBriefToDocx({ db: session.db, resourcesDir: RESOURCES_DIR, projectPath: session.path }, { briefId, outPath: path, style: id, notes: 'none' })
      expect(result.report.ok).toBe(true)
      const parts = await readDocx(path)
      const evidentLabels =
        style.info.kind === 'note'
          ? noteTexts(parts.footnotes, 'footnote').map((t) => normalise(t.replace(/ Go to the quoted words\.$/, '')))
          : [...parts.document.matchAll(/<w:hyperlink [^>]*w:anchor="ref_\d+"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => normalise(plain(m[1]!)))
      const evidentRefs = [...parts.document.matchAll(/<w:pStyle w:val="Bibliography"\/>[\s\S]*?<\/w:p>/g)].map((m) => normalise(plain(m[0])))
      // The 60 records: the export's engine and html reading, over the same citations as pandoc's document.
      const engine = new CitationEngine(style, items, RESOURCES_DIR)
      const all = [...starterClusters, ...records.map((r) => [{ sourceId: r.id }])]
      engine.rebuild(all.map((group, i) => ({ citationID: `c${i}`, items: group, noteIndex: style.info.kind === 'note' ? i + 1 : 0 })))
      const recordRefs = new Map(engine.bibliography().map((b) => [b.sourceId, normalise(runsToText(b.runs))]))

      const differences: string[] = []
      const same = (what: string, ours: string | undefined, theirs: string | undefined, prefix = false) => {
        const [a, b] = [ours ?? '', theirs ?? '']
        // A note is the style's text, then Evident's additions (pinpoint, way back): it must start with pandoc's.
        if (prefix ? !a.startsWith(b.replace(/\.$/, '')) || !b : a !== b) differences.push(`${what}\n  evident: ${ours}\n  pandoc:  ${theirs}`)
      }
      expect(evidentLabels, id).toHaveLength(clusterCount)
      evidentLabels.forEach((label, i) => same(`cluster ${i}`, label.replace(/\.$/, ''), oracle.labels[i]?.replace(/\.$/, ''), style.info.kind === 'note'))
      const starterRefs = starterIds.map((s) => oracle.references.get(s)).filter((r): r is string => r !== undefined)
      same('starter references', [...evidentRefs].sort().join('\n'), [...starterRefs].sort().join('\n'))
      for (const r of records) same(`record ${r.id} (${r.type})`, recordRefs.get(r.id), oracle.references.get(r.id))
      // The editor's labels come from the same clusters through the live engine: each must be the .docx's.
      const editor = formatCitations(session.db, RESOURCES_DIR, { style: id, notes: 'none', briefId, clusters: clusters.map((nodes, i) => ({ id: `k${i}`, claimIds: nodes.map((n) => String(n.claimId)) })) })
      expect(editor.labels, id).toHaveLength(clusterCount)
      editor.labels.forEach((label, i) => {
        const docx = evidentLabels[i] ?? ''
        const ours = normalise(label).replace(/\.$/, '')
        if (style.info.kind === 'note' ? !docx.toLowerCase().startsWith(ours.toLowerCase()) : docx !== ours) differences.push(`editor cluster ${i}\n  editor: ${ours}\n  docx:   ${docx}`)
      })
      results.set(id, { differences })
    }
  }, 60_000)

  afterAll(() => session?.close())

  it.each(BUILTIN_STYLES.map((s) => [s]))('%s: every cluster, starter reference and fixture record matches pandoc, or the difference is listed in docs/citations.md', (id) => {
    const { differences } = results.get(id)!
    const known = KNOWN_DIFFERENCES[id] ?? []
    const unexplained = differences.filter((d) => !known.some((k) => k.test(d)))
    if (process.env.EVIDENT_ORACLE_PRINT) console.log(`${id}: ${differences.length} differences, unexplained:\n${unexplained.join('\n')}`)
    expect(unexplained).toEqual([])
  })
})

function styleFile(id: string): string {
  const files: Record<string, string> = {
    harvard: 'harvard-cite-them-right.csl',
    vancouver: 'vancouver.csl',
    apa: 'apa.csl',
    chicago: 'chicago-note-bibliography-with-ibid.csl',
    oscola: 'oscola.csl',
    ieee: 'ieee.csl',
    mhra: 'modern-humanities-research-association.csl',
  }
  return files[id]!
}
