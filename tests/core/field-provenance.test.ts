import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { BriefSummary } from '@shared/dto/briefs'
import type { SourceDetail } from '@shared/dto/sources'
import { makePdf } from '../fixtures/make-pdf'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'
import { coreOnNewProject } from '../helpers/core-on-project'

const starterCore = (dir: string) => coreOnNewProject(dir, { starter: true })

async function sourceTitled(core: Core, start: string): Promise<SourceDetail> {
  const summary = (await core.handlers['sources.list']({})).find((s) => s.title.startsWith(start))!
  return core.handlers['sources.get']({ id: summary.id })
}

async function importFile(core: Core, path: string): Promise<SourceDetail> {
  const done = new Promise<void>((resolve) => core.events.subscribe((event) => event === 'import.done' && resolve()))
  await core.handlers['sources.import']({ files: [core.files.forReading(path).handle] })
  await done
  const list = await core.handlers['sources.list']({})
  return core.handlers['sources.get']({ id: list[list.length - 1]!.id })
}

describe('every field of a record says where it came from', () => {
  const temp = useTempDir('evident-provenance-')

  it('the starter corpus carries what its records state: checked fields entered, inferred ones guessed', async () => {
    const core = await starterCore(temp())
    const jones = await sourceTitled(core, 'Editorial on the crisis')
    expect(jones.provenance.author).toEqual({ kind: 'entered', detail: expect.stringContaining("signed 'Roger Jones") })
    expect(jones.provenance['container-title']?.kind).toBe('entered')
    expect(jones.provenance.title).toEqual({ kind: 'guessed', detail: expect.stringContaining('the published title was not found') })
    for (const field of ['issued', 'volume', 'issue']) expect(jones.provenance[field]?.kind).toBe('guessed')
    const bmj = await sourceTitled(core, 'Hospitals could run')
    expect(bmj.provenance.DOI?.kind).toBe('guessed')
    expect(bmj.provenance.issued).toMatchObject({ kind: 'entered', detail: expect.stringContaining('3 October 2014') })
    // "container (the Ockham Healthcare site)" is checked, but the blog's name is only inferred: it stays a guess.
    const gowland = await sourceTitled(core, 'Is Nationalisation')
    expect(gowland.provenance['container-title']?.kind).toBe('guessed')
    expect(gowland.provenance.URL?.kind).toBe('entered')
    core.close()
  })

  it("a PDF's record: title and author from its document information, its DOI found in the text, never its file date", async () => {
    const dir = temp()
    const core = await coreOnNewProject(dir, { starter: false })
    const path = join(dir, 'editorial.pdf')
    const pdf = makePdf([['Editorial', 'doi: 10.3399/bjgp14X682465', '', 'Chronic underfunding is partly to blame for the crisis.']], {
      info: { Title: 'Crisis in general practice', Author: 'Roger Jones', CreationDate: 'D:20141031093000Z' },
    })
    writeFileSync(path, pdf)
    const source = await importFile(core, path)
    expect(source.csl.issued).toBeUndefined()
    expect(source.provenance.title).toEqual({ kind: 'document', detail: "the PDF's document information" })
    expect(source.provenance.author).toEqual({ kind: 'document', detail: "the PDF's document information" })
    expect(source.provenance.DOI).toEqual({ kind: 'text', detail: 'a DOI near the top of the text' })
    expect(source.provenance.type?.kind).toBe('guessed')
    core.close()
  })

  it('a text file with no record is titled by its file name, and that is marked as a guess', async () => {
    const dir = temp()
    const core = await coreOnNewProject(dir, { starter: false })
    writeFileSync(join(dir, 'notes.txt'), 'Practices are merging into federations across England.\n\nSee https://example.org/federations for more.')
    const source = await importFile(core, join(dir, 'notes.txt'))
    expect(source.csl.title).toBe('notes.txt')
    expect(source.provenance.title).toEqual({ kind: 'guessed', detail: 'the file name' })
    expect(source.provenance.URL).toEqual({ kind: 'guessed', detail: 'the first web address near the top of the text' })
    core.close()
  })

  it('an edit in the record form is the analyst’s; a reference file or a lookup is named; untouched fields keep theirs', async () => {
    const core = await starterCore(temp())
    const call = (method: string, args: unknown) => dispatch(core.handlers, method, args)
    const jones = await sourceTitled(core, 'Editorial on the crisis')
    let after = (await call('sources.updateRecord', { id: jones.id, csl: { ...jones.csl, title: 'Crisis in general practice' } })) as SourceDetail
    expect(after.provenance.title).toEqual({ kind: 'entered' })
    expect(after.provenance.author).toEqual(jones.provenance.author)
    expect(after.provenance.issued).toEqual(jones.provenance.issued)
    after = (await call('sources.updateRecord', {
      id: jones.id,
      csl: { ...after.csl, page: '523–524', DOI: '10.3399/bjgp14X682465' },
      origins: { page: { kind: 'reference-file', detail: 'library.bib' }, DOI: { kind: 'lookup', detail: 'Crossref' } },
    })) as SourceDetail
    expect(after.provenance.page).toEqual({ kind: 'reference-file', detail: 'library.bib' })
    expect(after.provenance.DOI).toEqual({ kind: 'lookup', detail: 'Crossref' })
    const { DOI: _doi, ...withoutDoi } = after.csl
    after = (await call('sources.updateRecord', { id: jones.id, csl: withoutDoi })) as SourceDetail
    expect(after.provenance.DOI).toBeUndefined()
    core.close()
  })

  it('a guessed field is marked until the analyst confirms it, and the export check lists cited sources resting on guesses', async () => {
    const core = await starterCore(temp())
    const call = (method: string, args: unknown) => dispatch(core.handlers, method, args)
    const [brief] = (await call('briefs.list', {})) as BriefSummary[]
    const before = await core.handlers['export.check']({ briefId: brief!.id })
    const jones = await sourceTitled(core, 'Editorial on the crisis')
    const listed = before.guessedReferences.find((g) => g.sourceId === jones.id)
    expect(listed).toEqual({ sourceId: jones.id, sourceTitle: jones.title, fields: expect.arrayContaining(['title', 'issued', 'volume', 'issue']) })
    expect(before.ok).toBe(true)
    const confirmed = (await call('sources.confirmFields', { id: jones.id, fields: ['title', 'issued', 'volume', 'issue', 'author'] })) as SourceDetail
    expect(confirmed.provenance.title).toMatchObject({ kind: 'guessed', confirmedAt: expect.any(String) })
    // Confirming touches only guesses: a checked field stays as it was.
    expect(confirmed.provenance.author).toEqual(jones.provenance.author)
    const after = await core.handlers['export.check']({ briefId: brief!.id })
    expect(after.guessedReferences.find((g) => g.sourceId === jones.id)).toBeUndefined()
    core.close()
  })

  it('a write that claims to be the document’s metadata or a guess is refused, and the record is unchanged', async () => {
    const core = await starterCore(temp())
    const call = (method: string, args: unknown) => dispatch(core.handlers, method, args)
    const jones = await sourceTitled(core, 'Editorial on the crisis')
    for (const origin of [{ kind: 'guessed' }, { kind: 'document', detail: 'XMP' }, { kind: 'lookup', detail: 'Evil Corp' }, { kind: 'reference-file', detail: 'x'.repeat(301) }]) {
      await expect(call('sources.updateRecord', { id: jones.id, csl: { ...jones.csl, title: 'X' }, origins: { title: origin } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    }
    await expect(call('sources.confirmFields', { id: jones.id, fields: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('sources.confirmFields', { id: 'no-such-source', fields: ['title'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await core.handlers['sources.get']({ id: jones.id })).toEqual(jones)
    core.close()
  })

  it('a project made before provenance was kept opens with none recorded, not with every field called entered', async () => {
    const dir = temp()
    const core = await starterCore(dir)
    const jones = await sourceTitled(core, 'Editorial on the crisis')
    core.close()
    const db = new Database(join(dir, 'p.evident'))
    db.prepare("UPDATE sources SET provenance = '{}'").run()
    db.close()
    const again = await createCore({ userDataDir: dir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await again.openProject(join(dir, 'p.evident'))
    const old = await again.handlers['sources.get']({ id: jones.id })
    expect(old.provenance).toEqual({})
    const saved = await again.handlers['sources.updateRecord']({ id: jones.id, csl: { ...old.csl, volume: '65' } })
    expect(saved.provenance).toEqual({ volume: { kind: 'entered' } })
    again.close()
  })
})
