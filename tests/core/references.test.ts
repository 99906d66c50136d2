import { describe, expect, it } from 'vitest'
import { parseReferenceRecords } from '../../electron/core/sources/references'
import type { CslItem } from '@shared/dto/csl'

const sources: CslItem[] = [
  { id: 'src-bmj', type: 'article-journal', title: 'Hospitals could run general practice services in underserved areas', DOI: '10.1136/bmj.g6055' },
  { id: 'src-pulse', type: 'article-magazine', title: 'GPs risk being devoured by hospital trusts' },
]

describe('attaching records from a reference manager', () => {
  it('reads BibTeX from Zotero and matches by DOI', async () => {
    const bib = `@article{iacobucci2014, title={Hospitals could run GP services}, author={Iacobucci, Gareth}, journal={BMJ}, year={2014}, doi={10.1136/BMJ.G6055}}`
    const [record] = (await parseReferenceRecords(bib, sources)).records
    expect(record).toMatchObject({ sourceId: 'src-bmj', matchedBy: 'doi' })
    expect(record!.item.author).toEqual([{ given: 'Gareth', family: 'Iacobucci' }])
  })

  it('reads RIS and matches by title despite punctuation and case', async () => {
    const ris = 'TY  - JOUR\nTI  - GPs Risk Being Devoured by Hospital Trusts!\nAU  - Drage, Michelle\nPY  - 2015\nER  - \n'
    const [record] = (await parseReferenceRecords(ris, sources)).records
    expect(record).toMatchObject({ sourceId: 'src-pulse', matchedBy: 'title' })
  })

  it('reads CSL-JSON and leaves unmatched records for the analyst to pick', async () => {
    const json = JSON.stringify([{ id: 'x', type: 'report', title: 'An unrelated report on dentistry' }])
    const [record] = (await parseReferenceRecords(json, sources)).records
    expect(record).toMatchObject({ sourceId: null, matchedBy: null })
  })

  it('drops a javascript: URL from an imported record', async () => {
    const json = JSON.stringify([{ id: 'x', type: 'webpage', title: 'T', URL: 'javascript:alert(1)' }])
    const [record] = (await parseReferenceRecords(json, sources)).records
    expect(record!.item.URL).toBeUndefined()
  })

  it('says plainly what is wrong with an empty, unknown or broken file', async () => {
    await expect(parseReferenceRecords('   ', sources)).rejects.toMatchObject({ code: 'EMPTY_FILE' })
    await expect(parseReferenceRecords('just some notes', sources)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' })
    await expect(parseReferenceRecords('[{"id": ', sources)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not valid JSON/) })
    // A BibTeX entry whose braces never close is skipped and named, not the end of the file.
    await expect(parseReferenceRecords('@article{broken, title={x', sources)).resolves.toMatchObject({
      records: [],
      skipped: [{ key: 'broken', line: 1, reason: 'its braces never close' }],
    })
  })

  it('never fetches a URL or DOI given as the whole input', async () => {
    await expect(parseReferenceRecords('https://example.org/refs.bib', sources)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' })
    await expect(parseReferenceRecords('10.1136/bmj.g6055', sources)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' })
  })

  it('refuses a file with more records than the limit', async () => {
    const many = JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ id: `r${i}`, type: 'book', title: `Book ${i}` })))
    await expect(parseReferenceRecords(many, sources)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
  })
})
