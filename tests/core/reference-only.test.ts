import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { ImportSummary } from '@shared/dto/sources'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

async function starter(dir: string): Promise<Core> {
  const core = await createCore({ userDataDir: dir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  await core.createProject(join(dir, 'p.evident'), true)
  return core
}

async function importPaths(core: Core, paths: string[]): Promise<ImportSummary> {
  const done = new Promise<ImportSummary>((resolve) => core.events.subscribe((event, payload) => event === 'import.done' && resolve(payload as ImportSummary)))
  await core.handlers['sources.import']({ files: paths.map((path) => core.files.forReading(path).handle) })
  return done
}

const BIB = `@report{kingsfund2019,
  author = {{The King's Fund}},
  title = {Primary care networks explained},
  year = {2019},
  url = {https://www.kingsfund.org.uk/publications/primary-care-networks-explained},
}
@article{iacobucci2014,
  author = {Iacobucci, Gareth},
  title = {Hospitals could run general practice services in underserved areas},
  journal = {BMJ},
  year = {2014},
  doi = {10.1136/bmj.g6055},
  pages = {g6055},
}
@article{,
  author = {van Gogh, Vincent},
  title = {Letters on integrated care},
  year = {1888},
}
@article{broken2015, title = {Never closed}, year = {2015},
`

describe('sources known only by their reference', () => {
  const temp = useTempDir('evident-refonly-')

  it('Import… of a .bib makes a source of each entry that matches none, and updates the one that matches', async () => {
    const dir = temp()
    const core = await starter(dir)
    writeFileSync(join(dir, 'refs.bib'), BIB)
    const before = (await core.handlers['sources.list']({})).length
    const summary = await importPaths(core, [join(dir, 'refs.bib')])
    expect(summary.failed).toEqual([])
    const [refs] = summary.references!
    expect(refs!.created.map((c) => c.title)).toEqual(['Primary care networks explained', 'Letters on integrated care'])
    expect(refs!.updated).toEqual([{ sourceId: expect.any(String), title: 'Hospitals could run general practice services in underserved areas', matchedBy: 'doi' }])
    expect(refs!.reading).toMatchObject({ format: 'BibTeX', read: 4, skipped: [{ key: 'broken2015', line: 20, reason: 'its braces never close' }] })
    expect(refs!.reading.repaired).toHaveLength(1)
    const list = await core.handlers['sources.list']({})
    expect(list).toHaveLength(before + 2)
    const kingsFund = list.find((s) => s.title === 'Primary care networks explained')!
    expect(kingsFund).toMatchObject({ referenceOnly: true, paragraphCount: 0, authors: "The King's Fund", year: '2019' })
    const detail = await core.handlers['sources.get']({ id: kingsFund.id })
    expect(detail.text).toBe('')
    expect(detail.provenance.title).toEqual({ kind: 'reference-file', detail: 'refs.bib' })
    await expect(core.handlers['sources.original']({ id: kingsFund.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('reference only') })
    const bmj = await core.handlers['sources.get']({ id: refs!.updated[0]!.sourceId })
    expect(bmj.referenceOnly).toBe(false)
    expect(bmj.csl.page).toBe('g6055')
    expect(bmj.provenance.page).toEqual({ kind: 'reference-file', detail: 'refs.bib' })
    core.close()
  })

  it('its full text is attached later as a new version, after which it reads like any source', async () => {
    const dir = temp()
    const core = await starter(dir)
    writeFileSync(join(dir, 'refs.bib'), BIB)
    await importPaths(core, [join(dir, 'refs.bib')])
    const source = (await core.handlers['sources.list']({})).find((s) => s.title === 'Primary care networks explained')!
    writeFileSync(join(dir, 'pcn.txt'), 'Primary care networks bring practices together.\n\nThey serve 30,000 to 50,000 patients.')
    await core.handlers['sources.importNewVersion']({ id: source.id, file: core.files.forReading(join(dir, 'pcn.txt')).handle })
    const after = await core.handlers['sources.get']({ id: source.id })
    expect(after).toMatchObject({ referenceOnly: false, title: 'Primary care networks explained', paragraphCount: 2, fileName: 'pcn.txt' })
    expect(after.csl.URL).toBe('https://www.kingsfund.org.uk/publications/primary-care-networks-explained')
    expect((await core.handlers['sources.original']({ id: source.id })).fileName).toBe('pcn.txt')
    const start = after.text.indexOf('30,000')
    const claim = await core.handlers['claims.create']({ sourceId: source.id, start, end: start + 6, exact: '30,000' })
    expect(claim.quote).toBe('30,000')
    core.close()
  })

  it('binary junk named .bib and an oversized reference file fail with a plain message; nothing is added', async () => {
    const dir = temp()
    const core = await starter(dir)
    writeFileSync(join(dir, 'junk.bib'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)))
    writeFileSync(join(dir, 'huge.ris'), Buffer.alloc(21 * 1024 * 1024, 'a'))
    const before = await core.handlers['sources.list']({})
    const summary = await importPaths(core, [join(dir, 'junk.bib'), join(dir, 'huge.ris')])
    expect(summary.failed).toEqual([
      { fileName: 'junk.bib', code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/not text|binary/) },
      { fileName: 'huge.ris', code: 'FILE_TOO_LARGE', message: expect.stringContaining('at most 20 MB') },
    ])
    expect(await core.handlers['sources.list']({})).toEqual(before)
    core.close()
  })
})
