import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceSourceText } from '../../electron/core/app/reimport'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { ClaimRepository } from '../../electron/core/claims/repository'
import { searchClaims } from '../../electron/core/claims/search'
import { checkBrief, exportBriefToDocx } from '../../electron/core/export/export-docx'
import type { ExtractedDocument } from '../../electron/core/sources/extracted'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { IntegrityReport } from '@shared/dto/citations'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'
import { noteTexts, readDocx } from '../fixtures/docx-inspect'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'
import { useTempDir } from '../helpers/temp'

const CITED = 'NHS hospitals could take control of general practice services in parts of England'
const NOW_SAYS = 'NHS hospitals might take control of general practice services in parts of England'

/** A new version of a source: its stored text with one edit, handed over as an importer would. */
function newVersion(fixture: ExportFixture, sourceId: string, from: string, to: string): ExtractedDocument {
  const text = fixture.session.sources.get(sourceId).text
  if (!text.includes(from)) throw new Error(`test setup: “${from}” is not in the source`)
  const paragraphs = text.replace(from, to).split('\n\n')
  return { format: 'txt', mime: 'text/plain', blocks: paragraphs.map((p) => ({ kind: 'paragraph', text: p })), metadata: {} }
}

function claimRow(fixture: ExportFixture, id: string) {
  return fixture.session.db.prepare('SELECT * FROM claims WHERE id = ?').get(id)
}

describe('no quote ever changes silently', () => {
  let fixture: ExportFixture
  let claims: ClaimRepository
  beforeEach(async () => {
    fixture = await createExportFixture('evident-quote-changes-')
    claims = new ClaimRepository(fixture.session.db)
  })
  afterEach(() => fixture.cleanup())

  const item = (report: IntegrityReport, claimId: string) => report.items.find((i) => i.claimId === claimId)!

  it('a new version that rewords a cited passage keeps the cited words and marks the claim "changed in the source", with a word diff', () => {
    const { iacobucci } = fixture.claims
    const summary = replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control'))
    // The fixture's report claim quotes a longer stretch of the same passage: it is marked too.
    expect(summary).toMatchObject({ changed: 2, changedIds: expect.arrayContaining([iacobucci.id]), orphaned: 0 })
    const claim = claims.get(iacobucci.id)
    expect(claim.quote).toBe(CITED)
    expect(claim.status).toBe('anchored')
    expect(claim.quoteChange).toEqual({
      words: NOW_SAYS,
      kept: false,
      diff: [
        { op: 'same', text: 'NHS hospitals' },
        { op: 'removed', text: 'could' },
        { op: 'added', text: 'might' },
        { op: 'same', text: 'take control of general practice services in parts of England' },
      ],
    })
    // The anchor points at the passage as it reads now, so the reader still shows where it is.
    expect(fixture.session.sources.get(iacobucci.sourceId).text.slice(claim.anchor.start, claim.anchor.end)).toBe(NOW_SAYS)
    expect(searchClaims(fixture.session.db, { text: 'might' }).items.map((c) => c.id)).not.toContain(iacobucci.id)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, iacobucci.id)).toMatchObject({
      status: 'changed',
      quote: CITED,
      found: NOW_SAYS,
      detail: 'Changed in the source. The quote says “could” but the source now says “might”. Accept the new words or keep yours on the claim.',
    })
  })

  it('the claim takes the new words only when the analyst accepts; the check then still shows the words the brief cited', () => {
    const { iacobucci } = fixture.claims
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control'))
    const accepted = claims.resolveQuoteChange(iacobucci.id, 'accept')
    expect(accepted.quote).toBe(NOW_SAYS)
    expect(accepted.quoteChange).toBeUndefined()
    expect(searchClaims(fixture.session.db, { text: 'might' }).items.map((c) => c.id)).toContain(iacobucci.id)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, iacobucci.id)).toMatchObject({ status: 'changed', quote: CITED, found: NOW_SAYS })
  })

  it('keeping the cited words leaves the quote and says so, until a later version changes the words again', () => {
    const { iacobucci } = fixture.claims
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control'))
    const kept = claims.resolveQuoteChange(iacobucci.id, 'keep')
    expect(kept.quote).toBe(CITED)
    expect(kept.quoteChange).toMatchObject({ words: NOW_SAYS, kept: true })
    // Text added elsewhere: the same changed words, so the answer stands.
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals might take control', 'hospitals might take control'))
    expect(claims.get(iacobucci.id).quoteChange).toMatchObject({ kept: true })
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals might take control', 'hospitals may take control'))
    expect(claims.get(iacobucci.id).quoteChange).toMatchObject({ words: CITED.replace('could', 'may'), kept: false })
    // The source says the cited words again: nothing left to decide.
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, 'hospitals may take control', 'hospitals could take control'))
    expect(claims.get(iacobucci.id).quoteChange).toBeUndefined()
    expect(checkBrief(fixture.session.db, fixture.briefId).report.ok).toBe(true)
  })

  it('refuses to accept or keep on a claim that has not changed, and changes nothing', () => {
    const { jones } = fixture.claims
    const before = claimRow(fixture, jones.id)
    expect(() => claims.resolveQuoteChange(jones.id, 'accept')).toThrow(/still says this claim’s cited words/)
    expect(() => claims.resolveQuoteChange(jones.id, 'keep')).toThrow(/there is no change to accept or reject/)
    expect(claimRow(fixture, jones.id)).toEqual(before)
  })

  it('a forced export of an orphaned claim still prints its author and year', async () => {
    const { iacobucci } = fixture.claims
    replaceSourceText(fixture.session, iacobucci.sourceId, newVersion(fixture, iacobucci.sourceId, CITED, 'Something else entirely is said in this place now, about other matters'))
    expect(claims.get(iacobucci.id).status).toBe('orphaned')
    const target = join(fixture.out, 'forced.docx')
    await exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: target, force: true, notes: 'footnotes', style: 'harvard' })
    const notes = noteTexts((await readDocx(target)).footnotes, 'footnote').filter((n) => n.includes('[passage not found]'))
    expect(notes.length).toBeGreaterThan(0)
    for (const note of notes) expect(note).toMatch(/Iacobucci, 2014/)
  })
})

describe('claims.resolveQuoteChange through the door the app uses', () => {
  const temp = useTempDir('evident-quote-door-')

  it('answers hostile calls with a plain message and leaves the project as it was', async () => {
    const dir = temp()
    const core = await createCore({ userDataDir: dir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await core.createProject(join(dir, 'p.evident'), true)
    const [claim] = (await core.handlers['claims.search']({ limit: 1 })).items
    const before = await core.handlers['claims.get']({ id: claim!.id })
    await expect(dispatch(core.handlers, 'claims.resolveQuoteChange', { id: claim!.id, decision: 'accept' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    // An id from another project is simply not here.
    await expect(dispatch(core.handlers, 'claims.resolveQuoteChange', { id: 'b1f0c0de-0000-4000-8000-000000000000', decision: 'keep' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(dispatch(core.handlers, 'claims.resolveQuoteChange', { id: 'x'.repeat(100_000), decision: 'keep' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'claims.resolveQuoteChange', { id: claim!.id, decision: 'rewrite' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'claims.resolveQuoteChange', { id: claim!.id, decision: 'keep', quote: 'my words' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await core.handlers['claims.get']({ id: claim!.id })).toEqual(before)
  })
})
