import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReferenceRecords } from '../../electron/core/sources/references'
import { MAX_CSL_LONG_CHARS } from '@shared/dto/csl-fields'

const REAL = join(__dirname, '../../../../shared/fixtures/real')
const real = (name: string) => {
  const path = join(REAL, name)
  if (!existsSync(path)) {
    console.log(`Skipping the check against ${name}: ${REAL} is not on this machine.`)
    return null
  }
  return readFileSync(path, 'utf8')
}

/** Records shaped as Better BibTeX writes CSL-JSON: particles, suffixes, seasons, circa, ranges, literal dates. */
function betterBibtexJson(): string {
  const items = [
    { id: 'vangogh1890', type: 'letter', title: 'Letters', author: [{ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }], issued: { 'date-parts': [[1890]] } },
    { id: 'king1963', type: 'speech', title: 'I have a dream', author: [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }], issued: { 'date-parts': [[1963, 8, 28]] } },
    { id: 'humboldt1845', type: 'book', title: 'Kosmos', author: [{ family: 'Humboldt', given: 'Alexander', 'dropping-particle': 'von' }], issued: { 'date-parts': [[1845]] } },
    { id: 'spring2014', type: 'article-journal', title: 'A spring issue', issued: { 'date-parts': [[2014]], season: 'Spring' } },
    { id: 'season-number', type: 'article-journal', title: 'A season as a number', issued: { 'date-parts': [[2014]], season: 2 } },
    { id: 'circa1600', type: 'manuscript', title: 'An old map', issued: { 'date-parts': [[1600]], circa: true } },
    { id: 'range', type: 'paper-conference', title: 'A conference', 'event-date': { 'date-parts': [[2019, 6, 3], [2019, 6, 5]] }, issued: { 'date-parts': [[2019]] } },
    { id: 'literal', type: 'report', title: 'Undated', issued: { literal: 'n.d.' } },
    { id: 'raw', type: 'report', title: 'Raw date', issued: { raw: '2014-11' } },
    { id: 'org', type: 'report', title: 'Five Year Forward View', author: [{ literal: 'NHS England' }], issued: { 'date-parts': [['2014', '10']] } },
    { id: 'comma-suffix', type: 'book', title: 'With comma suffix', author: [{ family: 'Smith', given: 'John', suffix: 'III', 'comma-suffix': true }] },
    { id: 'static', type: 'book', title: '三国演义', author: [{ family: '罗', given: '贯中', 'static-ordering': true }] },
    { id: 'translated', type: 'book', title: 'Translated', translator: [{ family: 'Pevear', given: 'Richard' }], 'original-title': 'Бесы', language: 'en' },
    { id: 'ids', type: 'article-journal', title: 'With identifiers', PMID: '12345678', PMCID: 'PMC123', ISSN: '0959-8138', 'archive_location': 'Box 3' },
    { id: 'volume-number', type: 'article-journal', title: 'Volume as a number', volume: 64, issue: 628, page: '523-524' },
  ]
  return JSON.stringify(items, null, 2)
}

/** A Mendeley export's quirks: an entry without a key, an unclosed one, @string macros, @comment. */
function mendeleyBib(): string {
  const entries = Array.from({ length: 20 }, (_, i) => `@article{Author${i}2010,\n   author = {Author${i}, Ann},\n   journal = {J},\n   title = {Paper number ${i}},\n   year = {2010},\n}`)
  entries.splice(5, 0, '@article{,\n   author = {Nobody, Ann},\n   title = {Reviewers as Readers with Power},\n   year = {2020},\n}')
  entries.splice(10, 0, '@article{Bad2011,\n   title = {A field with no value},\n   year = ,\n}')
  return ['@comment{jabref-meta: databaseType:bibtex;}', '@string{bmj = "BMJ"}', ...entries, '@article{macro2014, title={Uses a macro}, journal=bmj, year={2014}}'].join('\n')
}

describe('reference files read as the managers write them', () => {
  it('a Better BibTeX CSL-JSON file offers every record: particles, suffixes, seasons, circa, ranges', async () => {
    const reading = await parseReferenceRecords(betterBibtexJson(), [])
    expect(reading.skipped).toEqual([])
    expect(reading.records).toHaveLength(15)
    expect(reading.read).toBe(15)
    const item = (id: string) => reading.records.find((r) => r.item.id === id)!.item
    expect(item('vangogh1890').author).toEqual([{ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }])
    expect(item('king1963').author).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }])
    expect(item('spring2014').issued).toEqual({ 'date-parts': [[2014]], season: 'Spring' })
    expect(item('circa1600').issued).toEqual({ 'date-parts': [[1600]], circa: true })
    expect(item('range')['event-date']).toEqual({ 'date-parts': [[2019, 6, 3], [2019, 6, 5]] })
    expect(item('translated')).toMatchObject({ translator: [{ family: 'Pevear', given: 'Richard' }], 'original-title': 'Бесы', language: 'en' })
    expect(item('ids')).toMatchObject({ PMID: '12345678', PMCID: 'PMC123', ISSN: '0959-8138', archive_location: 'Box 3' })
    expect(item('volume-number')).toMatchObject({ volume: '64', issue: '628' })
  })

  it('BibTeX names with particles and suffixes keep them', async () => {
    const bib = '@book{vg, author = {van Gogh, Vincent and King, Jr., Martin Luther and von Helmholtz, Hermann}, title = {Letters}, year = {1890}}'
    const [record] = (await parseReferenceRecords(bib, [])).records
    expect(record!.item.author).toEqual([
      { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { family: 'Helmholtz', given: 'Hermann', 'non-dropping-particle': 'von' },
    ])
  })

  it('one BibTeX entry the parser dislikes is skipped and named by key and line; the rest are read', async () => {
    const reading = await parseReferenceRecords(mendeleyBib(), [])
    expect(reading.records).toHaveLength(22)
    expect(reading.read).toBe(23)
    expect(reading.skipped).toEqual([{ key: 'Bad2011', line: 62, reason: 'expected "lbrace", got "comma" (line 64, column 11)' }])
    // Mendeley's keyless entry is whole: it is read under a name of its line, and the summary says so.
    expect(reading.repaired).toEqual([{ key: 'line-33', line: 33, reason: 'it had no citation key, so Evident named it line-33' }])
    expect(reading.records.find((r) => r.item.id === 'line-33')!.item.title).toBe('Reviewers as Readers with Power')
    expect(reading.records.find((r) => r.item.id === 'macro2014')!.item['container-title']).toBe('BMJ')
  })

  it('RIS written "TY - JOUR" with one space is read', async () => {
    const ris = 'TY - JOUR\nTI - Reviewers as readers\nAU - Roditakis, Arzu Eker\nPY - 2020\nJO - Mémoires du livre\nER - \n\nTY  - RPRT\nTI  - Second\nER  - \n'
    const reading = await parseReferenceRecords(ris, [])
    expect(reading.records.map((r) => r.item.title)).toEqual(['Reviewers as readers', 'Second'])
    expect(reading.records[0]!.item.author).toEqual([{ family: 'Roditakis', given: 'Arzu Eker' }])
  })

  it('fields the CSL schema does not define are left out and named; a 15 MB abstract is shortened', async () => {
    const json = JSON.stringify([{ id: 'a', type: 'report', title: 'T', abstract: 'x'.repeat(15 * 1024 * 1024), 'made-up-field': 1, custom: { deep: true } }])
    const reading = await parseReferenceRecords(json, [])
    const item = reading.records[0]!.item
    expect((item.abstract as string).length).toBe(MAX_CSL_LONG_CHARS)
    expect(item['made-up-field']).toBeUndefined()
    expect(reading.droppedFields).toEqual(['made-up-field', 'custom'])
    expect(reading.cutFields).toBe(1)
  })

  it('a record nested 200,000 deep is refused with a plain message', async () => {
    const deep = `[{"id":"a","type":"report","title":"T","note":${'['.repeat(200_000)}${']'.repeat(200_000)}}]`
    await expect(parseReferenceRecords(deep, [])).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('nests more than 64 levels deep') })
  })

  it('binary junk named .bib is not a reference file', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')
    await expect(parseReferenceRecords(`@article{x,${junk}`, [])).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('binary') })
  })

  it('100,000 entries are refused before any is parsed', async () => {
    const bib = Array.from({ length: 100_000 }, (_, i) => `@misc{k${i}, title={T${i}}}`).join('\n')
    const started = Date.now()
    await expect(parseReferenceRecords(bib, [])).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('100,000 entries') })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('the real files that went wrong: a 512-entry Mendeley export, Better BibTeX dates, Zotero RIS, von Helmholtz', async () => {
    const mendeley = real('bbt-mendeley-idiocy.bib')
    if (mendeley) {
      const reading = await parseReferenceRecords(mendeley, [])
      expect(reading.read).toBe(512)
      // Today's parser refused the whole file at its first keyless entry (line 114); 37 entries have no key.
      expect(reading.skipped).toEqual([])
      expect(reading.repaired).toHaveLength(37)
      expect(reading.repaired[0]).toMatchObject({ key: 'line-114', line: 114 })
      expect(reading.records).toHaveLength(512)
    }
    const dates = real('bbt-dates.csl.json')
    if (dates) {
      const reading = await parseReferenceRecords(dates, [])
      expect(reading.skipped).toEqual([])
      expect(reading.records).toHaveLength(15)
    }
    const ris = real('zotero-RIS-case4.ris')
    if (ris) expect((await parseReferenceRecords(ris, [])).records).toHaveLength(1)
    const helmholtz = real('cjs-nonascii-authors.bib')
    if (helmholtz) {
      const reading = await parseReferenceRecords(helmholtz, [])
      expect(reading.skipped).toEqual([])
      expect(JSON.stringify(reading.records.map((r) => r.item.author))).toContain('Helmholtz')
    }
  })
})

describe('hostile records through the contract', () => {
  it('a record nested 200,000 deep is a plain refusal from sources.updateRecord and sources.parseRecords, not INTERNAL', async () => {
    const { dispatch } = await import('../../electron/core/app/dispatch')
    const { createCore } = await import('../../electron/core/app/core')
    const { inProcessParser } = await import('../../electron/core/sources/parse/parser')
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'evident-deep-'))
    const core = await createCore({ userDataDir: dir, resourcesDir: join(__dirname, '../../resources'), parser: inProcessParser })
    await core.createProject(join(dir, 'p.evident'), true)
    const [source] = await core.handlers['sources.list']({})
    const before = await core.handlers['sources.get']({ id: source!.id })
    let deep: unknown = 'x'
    for (let i = 0; i < 200_000; i++) deep = { a: deep }
    await expect(dispatch(core.handlers, 'sources.updateRecord', { id: source!.id, csl: { ...before.csl, note: deep } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const text = `{"id":"a","type":"report","title":"T","note":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`
    await expect(dispatch(core.handlers, 'sources.parseRecords', { text })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await core.handlers['sources.get']({ id: source!.id })).toEqual(before)
    core.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
