import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Claim, PdfRect, PlacedOnPages } from '@shared/dto/claims'
import type { ProjectSession } from '../../electron/core/project/session'
import { useCoreOnProject } from '../helpers/core-on-project'
import { reanchorClaims } from '../../electron/core/claims/reanchor'
import { addSource, openTempProject } from './claims-fixture'

const PAGES = [
  { kind: 'paragraph' as const, text: 'Chronic underfunding and maldistribution of resources within the NHS is partly to blame.', page: '1' },
  { kind: 'paragraph' as const, text: 'General practice is the jewel in the crown of the NHS. Save it. Build it.', page: '2' },
]
const LINE: PdfRect = [72, 700.5, 310.25, 712]

/** A PDF source as the importer hands one over (its pages' text, labelled by number). */
function addPdf(session: ProjectSession): string {
  const bytes = new TextEncoder().encode('%PDF-1.7 a test report')
  return session.sources.insert({
    fileName: 'report.pdf',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    document: { format: 'pdf', mime: 'application/pdf', blocks: PAGES, metadata: {} },
    csl: { title: 'A report on general practice', author: [{ family: 'Iacobucci', given: 'Gareth' }] },
  }).id
}

async function fixture() {
  const project = openTempProject()
  const pdfId = addPdf(project.session)
  const txtId = addSource(project.session, ['Save it. Build it.'])
  const text = project.session.sources.get(pdfId).text
  const at = (quote: string) => ({ sourceId: pdfId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, exact: quote })
  // Claims made before places were kept: a clean-text anchor only.
  const old = project.claims.create(at('jewel in the crown'))
  const lost = project.claims.create(at('Save it.'))
  const path = project.session.path
  project.session.close()
  return { session: { path }, pdfId, txtId, text, at, old, lost, cleanup: () => rmSync(project.dir, { recursive: true, force: true }) }
}

describe('a PDF claim’s anchor leads to its page and the quote’s rectangles on it', () => {
  const on = useCoreOnProject(fixture)
  const call = on.call
  const get = async (id: string) => (await call('claims.get', { id })) as Claim

  it('a claim made on the page keeps the page and its rectangles in PDF user space beside the clean-text anchor', async () => {
    const claim = (await call('claims.create', { ...on.fixture().at('maldistribution of resources'), pdf: { page: 1, rects: [LINE, [72, 686, 140, 698]] } })) as Claim
    expect(claim.anchor).toMatchObject({ exact: 'maldistribution of resources', paragraph: 1, page: '1', pdf: { page: 1, rects: [LINE, [72, 686, 140, 698]] } })
    expect((await get(claim.id)).anchor.pdf).toEqual({ page: 1, rects: [LINE, [72, 686, 140, 698]] })
  })

  it('refuses a hostile place with a plain message and makes no claim: page out of range, NaN, infinite, huge, inside-out or too many rectangles', async () => {
    const before = ((await call('claims.forSource', { sourceId: on.fixture().pdfId })) as Claim[]).length
    const make = (pdf: unknown) => call('claims.create', { ...on.fixture().at('Build it.'), pdf })
    const refused = async (pdf: unknown, message: RegExp) => expect(make(pdf)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) })
    await refused({ page: 0, rects: [LINE] }, /numbered from 1/)
    await refused({ page: -4, rects: [LINE] }, /numbered from 1/)
    await refused({ page: 2.5, rects: [LINE] }, /whole number/)
    await refused({ page: 1e9, rects: [LINE] }, /at most 100,000/)
    await refused({ page: 1, rects: [[NaN, 0, 10, 10]] }, /four finite numbers/)
    await refused({ page: 1, rects: [[0, 0, Infinity, 10]] }, /four finite numbers/)
    await refused({ page: 1, rects: [[0, 0, 1e300, 10]] }, /within ±100,000/)
    await refused({ page: 1, rects: [[50, 0, 10, 10]] }, /x2 > x1/)
    await refused({ page: 1, rects: [[0, 0, 10]] }, /four finite numbers/)
    await refused({ page: 1, rects: [] }, /at least one rectangle/)
    await refused({ page: 1, rects: Array.from({ length: 201 }, () => LINE) }, /at most 200 rectangles/)
    await refused({ page: 1, rects: [LINE], zoom: 2 }, /./)
    expect(((await call('claims.forSource', { sourceId: on.fixture().pdfId })) as Claim[]).length).toBe(before)
  })

  it('refuses a page place on a source that is not a PDF', async () => {
    await expect(call('claims.create', { sourceId: on.fixture().txtId, start: 0, end: 8, exact: 'Save it.', pdf: { page: 1, rects: [LINE] } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('not a PDF'),
    })
    await expect(call('claims.placeOnPages', { sourceId: on.fixture().txtId, findings: [{ id: 'x', start: 0, end: 8, notFound: true }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('claims made before this are upgraded once from what the Original view found on the pages; one not found keeps its paragraph anchor and says so', async () => {
    const { old, lost, pdfId } = on.fixture()
    expect((await get(old.id)).anchor.pdf).toBeUndefined()
    const result = (await call('claims.placeOnPages', {
      sourceId: pdfId,
      findings: [
        { id: old.id, start: old.anchor.start, end: old.anchor.end, page: 2, rects: [LINE] },
        { id: lost.id, start: lost.anchor.start, end: lost.anchor.end, notFound: true },
        // Looked for at an anchor it no longer has: left alone.
        { id: old.id, start: old.anchor.start + 1, end: old.anchor.end, page: 3, rects: [LINE] },
        { id: 'not-a-claim', start: 0, end: 1, page: 1, rects: [LINE] },
      ],
    })) as PlacedOnPages
    expect(result).toEqual({ placed: 1, notFound: 1, skipped: 2 })
    const upgraded = await get(old.id)
    expect(upgraded.anchor).toEqual({ ...old.anchor, pdf: { page: 2, rects: [LINE] } })
    expect(upgraded.updatedAt).toBe(old.updatedAt)
    const notFound = await get(lost.id)
    expect(notFound.anchor).toEqual({ ...lost.anchor, pdfNotFound: true })
    // Once placed, a later search does not move it.
    const again = (await call('claims.placeOnPages', { sourceId: pdfId, findings: [{ id: old.id, start: old.anchor.start, end: old.anchor.end, page: 9, rects: [LINE] }] })) as PlacedOnPages
    expect(again).toEqual({ placed: 0, notFound: 0, skipped: 1 })
    expect((await get(old.id)).anchor.pdf?.page).toBe(2)
  })

  it('refuses hostile findings as a whole and changes nothing', async () => {
    const { old, pdfId } = on.fixture()
    const before = await get(old.id)
    const finding = { id: old.id, start: old.anchor.start, end: old.anchor.end }
    for (const bad of [{ ...finding, page: 0, rects: [LINE] }, { ...finding, page: 1, rects: [[0, 0, NaN, 1]] }, { ...finding, notFound: false }, { ...finding }]) {
      await expect(call('claims.placeOnPages', { sourceId: pdfId, findings: [bad] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    }
    await expect(call('claims.placeOnPages', { sourceId: pdfId, findings: Array.from({ length: 501 }, () => ({ ...finding, notFound: true })) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('At most 500'),
    })
    expect(await get(old.id)).toEqual(before)
  })

  it('a damaged place in the project file is dropped, not the claim: it opens with its paragraph anchor', async () => {
    const { old } = on.fixture()
    // A second connection, as a hand edit would be.
    const db = new Database(on.fixture().session.path)
    const stored = JSON.parse((db.prepare('SELECT anchor FROM claims WHERE id = ?').get(old.id) as { anchor: string }).anchor)
    db.prepare('UPDATE claims SET anchor = ? WHERE id = ?').run(JSON.stringify({ ...stored, pdf: { page: -1, rects: [[1e12, 0, 0, 0]] } }), old.id)
    db.close()
    const claim = await get(old.id)
    expect(claim.anchor.pdf).toBeUndefined()
    expect(claim.anchor.exact).toBe('jewel in the crown')
  })
})

describe('a new version of a PDF', () => {
  it('drops the places its claims had on the old file’s pages: they are looked for on the new pages afresh', () => {
    const project = openTempProject()
    try {
      const pdfId = addPdf(project.session)
      const text = project.session.sources.get(pdfId).text
      const start = text.indexOf('Save it.')
      const claim = project.claims.create({ sourceId: pdfId, start, end: start + 8, exact: 'Save it.', pdf: { page: 2, rects: [LINE] } })
      const source = project.session.sources.get(pdfId)
      reanchorClaims(project.session.db, pdfId, source.text, source.paragraphs)
      const after = project.claims.get(claim.id).anchor
      expect(after.pdf).toBeUndefined()
      expect(after).toMatchObject({ exact: 'Save it.', start, page: '2' })
    } finally {
      project.close()
    }
  })
})
