import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { checkExitCode, printReport } from '../../electron/cli/commands/check'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { ImportSummary } from '@shared/dto/sources'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

const BIB = `@report{kingsfund2019,
  author = {{The King's Fund}},
  title = {Primary care networks explained},
  year = {2019},
  url = {https://www.kingsfund.org.uk/publications/primary-care-networks-explained},
}
`

async function starter(dir: string, name = 'p.evident'): Promise<Core> {
  const core = await createCore({ userDataDir: join(dir, `ud-${name}`), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  await core.createProject(join(dir, name), true)
  return core
}

async function importReference(core: Core, dir: string): Promise<string> {
  writeFileSync(join(dir, 'refs.bib'), BIB)
  const done = new Promise<ImportSummary>((resolve) => core.events.subscribe((event, payload) => event === 'import.done' && resolve(payload as ImportSummary)))
  await core.handlers['sources.import']({ files: [core.files.forReading(join(dir, 'refs.bib')).handle] })
  return (await done).references![0]!.created[0]!.sourceId
}

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra })

/** A brief with one sentence citing the snapshot, an evidence quote of it, and the References placeholder. */
function briefContent(snapshot: CitationSnapshot): string {
  const cite = { type: 'citation', version: 1, claimId: snapshot.claimId, snapshot }
  const root = block('root', [
    block('heading', [text('Networks')], { tag: 'h1' }),
    block('paragraph', [text('Primary care networks now cover most practices.'), cite]),
    { type: 'evidence-quote', version: 1, claimId: snapshot.claimId, snapshot },
    block('heading', [text('References')], { tag: 'h2' }),
    { type: 'references', version: 1 },
  ])
  return JSON.stringify({ format: 'evident-brief', version: 1, editorState: { root } })
}

/** Every paragraph python-docx reads, the appendix table's cells included. */
function docxText(path: string): string {
  const script = `
import docx, sys
d = docx.Document(sys.argv[1])
out = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        out.append(" | ".join(c.text for c in row.cells))
print("\\n".join(out))
`
  return execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })
}

describe('citing a reference-only source as a whole work', () => {
  const temp = useTempDir('evident-wholework-')

  it('makes a claim with no quote, cited like any other; the check and the appendix say "cited without a quote"', { timeout: 60_000 }, async () => {
    const dir = temp()
    const core = await starter(dir)
    const sourceId = await importReference(core, dir)
    const claim = (await dispatch(core.handlers, 'claims.citeWholeWork', { sourceId, statement: 'Networks group practices serving 30,000 to 50,000 people.' })) as Awaited<ReturnType<Core['handlers']['claims.citeWholeWork']>>
    expect(claim).toMatchObject({ sourceId, wholeWork: true, quote: '', status: 'anchored', statement: 'Networks group practices serving 30,000 to 50,000 people.' })
    expect(claim.anchor).toMatchObject({ exact: '', start: 0, end: 0, paragraph: 0 })
    // With no statement of its own, the claim names the work.
    const bare = await core.handlers['claims.citeWholeWork']({ sourceId })
    expect(bare.statement).toBe('Primary care networks explained')
    const found = await core.handlers['claims.search']({ text: 'networks group practices' })
    expect(found.items.map((c) => c.id)).toContain(claim.id)

    const [snapshot] = await core.handlers['claims.snapshot']({ ids: [claim.id] })
    expect(snapshot).toMatchObject({ claimId: claim.id, quote: '', wholeWork: true, paragraph: 0, shortCitation: expect.stringContaining('2019') })
    const brief = await core.handlers['briefs.create']({ title: 'Networks', template: 'blank', questionId: null })
    await core.handlers['briefs.save']({ id: brief.id, content: briefContent(snapshot!) })

    const report = await core.handlers['export.check']({ briefId: brief.id })
    expect(report.ok).toBe(true)
    expect(report.items).toEqual([expect.objectContaining({ claimId: claim.id, status: 'ok', detail: 'Cited as a whole work, without a quote.' })])
    expect(report.citedWithoutQuote).toEqual([{ claimId: claim.id, statement: claim.statement, sourceTitle: 'Primary care networks explained', textAttached: false }])
    // `evident check` lists it as a note and still exits 0: nothing failed.
    const lines: string[] = []
    printReport({ out: (s) => lines.push(s), err: (s) => lines.push(s) }, report, 'Networks')
    expect(lines.join('\n')).toMatch(/All 1 cited quote in “Networks” match[\s\S]*Cited without a quote \(1 claim cites its source as a whole work\):[\s\S]*Primary care networks explained[\s\S]*reference only/)
    expect(checkExitCode(report)).toBe(0)

    const out = join(dir, 'networks.docx')
    await core.handlers['export.docx']({ briefId: brief.id, target: core.files.forWriting({ path: out, name: 'networks.docx', overwrite: false }).handle, style: 'harvard', appendix: true, includeQuotes: true })
    const read = docxText(out)
    expect(read).toContain('Evidence appendix')
    expect(read).toContain('One claim cites its source as a whole work: “cited without a quote”.')
    expect(read).toMatch(/Networks group practices serving 30,000 to 50,000 people\. \| Cited without a quote \(whole work\) \|/)
    // The evidence quote block says what stands in for the words; it never prints an empty pair of quotation marks.
    expect(read).toContain('Cited without a quote (whole work)\n— ')
    expect(read).not.toContain('“”')
    expect(read).toContain('Primary care networks explained')
    core.close()
  })

  it('keeps the claim and its citations when the full text is attached, and then ties it to a quote', async () => {
    const dir = temp()
    const core = await starter(dir)
    const sourceId = await importReference(core, dir)
    const claim = await core.handlers['claims.citeWholeWork']({ sourceId, statement: 'Networks are large.' })
    const [snapshot] = await core.handlers['claims.snapshot']({ ids: [claim.id] })
    const brief = await core.handlers['briefs.create']({ title: 'Networks', template: 'blank', questionId: null })
    await core.handlers['briefs.save']({ id: brief.id, content: briefContent(snapshot!) })

    writeFileSync(join(dir, 'pcn.txt'), 'Primary care networks bring practices together.\n\nThey serve 30,000 to 50,000 patients.')
    await core.handlers['sources.importNewVersion']({ id: sourceId, file: core.files.forReading(join(dir, 'pcn.txt')).handle })
    const kept = await core.handlers['claims.get']({ id: claim.id })
    expect(kept).toMatchObject({ wholeWork: true, quote: '', status: 'anchored', statement: 'Networks are large.' })
    expect((await core.handlers['claims.citedBy']({ id: claim.id })).map((b) => b.briefId)).toEqual([brief.id])
    const before = await core.handlers['export.check']({ briefId: brief.id })
    expect(before.ok).toBe(true)
    expect(before.citedWithoutQuote).toEqual([expect.objectContaining({ claimId: claim.id, textAttached: true })])

    const detail = await core.handlers['sources.get']({ id: sourceId })
    const start = detail.text.indexOf('They serve')
    const exact = 'They serve 30,000 to 50,000 patients.'
    const tied = await core.handlers['claims.reattach']({ id: claim.id, start, end: start + exact.length, exact })
    expect(tied).toMatchObject({ wholeWork: false, quote: exact, statement: 'Networks are large.', anchor: { paragraph: 2 } })
    // The brief still cites the same claim, and the check now compares its quote with the source.
    const after = await core.handlers['export.check']({ briefId: brief.id })
    expect(after.ok).toBe(true)
    expect(after.citedWithoutQuote).toEqual([])
    expect(after.items).toEqual([expect.objectContaining({ claimId: claim.id, status: 'ok', detail: 'The quote matches the source.' })])
    core.close()
  })

  it('refuses a source with text, a source of another project, and hostile arguments; nothing is added', async () => {
    const dir = temp()
    const core = await starter(dir)
    const other = await starter(dir, 'other.evident')
    const foreign = await importReference(other, dir)
    const withText = (await core.handlers['sources.list']({})).find((s) => !s.referenceOnly)!
    const count = async () => (await core.handlers['claims.search']({})).total
    const before = await count()

    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId: withText.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `“${withText.title}” has its full text: select the passage that supports the claim, so the brief can quote it.`,
    })
    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId: foreign })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'That source is no longer in this project.' })
    const sourceId = await importReference(core, dir)
    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId, quote: 'smuggled words' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId, statement: 'x'.repeat(100_000) })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most') })
    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId: { $ne: null } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'claims.citeWholeWork', { sourceId, tagIds: ['tag-of-another-project'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Tying it to words the reference-only source does not have is refused: it has no text yet.
    const claim = await core.handlers['claims.citeWholeWork']({ sourceId })
    await expect(dispatch(core.handlers, 'claims.reattach', { id: claim.id, start: 0, end: 5, exact: 'Trust' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await core.handlers['claims.get']({ id: claim.id })).toMatchObject({ wholeWork: true, quote: '' })
    expect(await count()).toBe(before + 1)
    core.close()
    other.close()
  })
})
