import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TrashItems } from '../../electron/core/trash/items'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { describeChange } from '../../electron/core/export/quote-check'
import { checkBrief, exportBriefToDocx } from '../../electron/core/export/export-docx'
import type { IntegrityReport } from '@shared/dto/citations'
import { alterSourceText, RESOURCES_DIR } from '../fixtures/brief-fixture'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'
import { noteTexts, plain, readDocx } from '../fixtures/docx-inspect'
import { inProcessParser } from '../../electron/core/sources/parse/parser'

describe('checking every cited quote against the stored source text before export', () => {
  let fixture: ExportFixture
  beforeEach(async () => {
    fixture = await createExportFixture('evident-check-')
  })
  afterEach(() => fixture.cleanup())

  const item = (report: IntegrityReport, claimId: string) => report.items.find((i) => i.claimId === claimId)!

  it('passes a brief whose quotes all match, with one item per cited claim', () => {
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(report).toMatchObject({ briefId: fixture.briefId, ok: true, citationCount: fixture.citationCount })
    expect(report.items).toHaveLength(7)
    expect(report.items.every((i) => i.status === 'ok')).toBe(true)
  })

  it('catches a deliberately altered source text as changed, saying what the text says now and what changed', () => {
    const { iacobucci } = fixture.claims
    alterSourceText(fixture.session, iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control')
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(report.ok).toBe(false)
    expect(item(report, iacobucci.id)).toMatchObject({
      status: 'changed',
      quote: 'NHS hospitals could take control of general practice services in parts of England',
      found: 'NHS hospitals might take control of general practice services in parts of England',
      detail: 'The quote says “could” but the source now says “might”.',
    })
    expect(report.items.filter((i) => i.status !== 'ok')).toHaveLength(1)
  })

  it('finds a quote that only moved (text added before it) and passes it', () => {
    const { gowlandIntegration } = fixture.claims
    const row = fixture.session.db.prepare('SELECT text FROM sources WHERE id = ?').get(gowlandIntegration.sourceId) as { text: string }
    fixture.session.db.prepare('UPDATE sources SET text = ? WHERE id = ?').run(`An editor’s note added later.\n\n${row.text}`, gowlandIntegration.sourceId)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, gowlandIntegration.id)).toMatchObject({ status: 'ok', detail: expect.stringContaining('moved') })
    expect(report.ok).toBe(true)
  })

  it('flags a claim re-anchored to reworded text: the brief cited the old words', () => {
    const { iacobucci } = fixture.claims
    const db = fixture.session.db
    const row = db.prepare('SELECT quote, anchor FROM claims WHERE id = ?').get(iacobucci.id) as { quote: string; anchor: string }
    // What a fuzzy re-anchor after a revised source leaves: claim and source agree, the brief's copy does not.
    alterSourceText(fixture.session, iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control')
    const reworded = row.quote.replace('could', 'might')
    db.prepare('UPDATE claims SET quote = ? WHERE id = ?').run(reworded, iacobucci.id)
    const { report } = checkBrief(db, fixture.briefId)
    expect(item(report, iacobucci.id)).toMatchObject({ status: 'changed', found: reworded, detail: 'The quote says “could” but the source now says “might”.' })
  })

  it('tells an orphan whose passage left a revised source apart from one whose source was removed', () => {
    const { iacobucci } = fixture.claims
    fixture.session.db.prepare("UPDATE claims SET status = 'orphaned' WHERE id = ?").run(iacobucci.id)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, iacobucci.id)).toMatchObject({ status: 'orphaned', detail: expect.stringMatching(/no longer in the current version/) })
  })

  it('reports a deleted claim as deleted, from the snapshot the brief keeps', () => {
    const { jones } = fixture.claims
    fixture.session.db.prepare('DELETE FROM claims WHERE id = ?').run(jones.id)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, jones.id)).toMatchObject({
      status: 'deleted',
      quote: 'General practice is the jewel in the crown of the NHS.',
      sourceTitle: 'Editorial on the crisis in general practice and integration with hospital care',
    })
  })

  it('reports a claim whose source was removed as orphaned', () => {
    const { bjgp } = fixture.claims
    new TrashItems(fixture.session.db, fixture.session.sources).trashSource(bjgp.sourceId)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(item(report, bjgp.id)).toMatchObject({ status: 'orphaned', detail: expect.stringContaining('was removed from the project') })
  })

  it('refuses to export with QUOTE_MISMATCH, listing the failing quotes, and writes nothing', async () => {
    alterSourceText(fixture.session, fixture.claims.iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control')
    fixture.session.db.prepare('DELETE FROM claims WHERE id = ?').run(fixture.claims.jones.id)
    const target = join(fixture.out, 'brief.docx')
    writeFileSync(target, 'the analyst’s earlier export')
    const refusal = exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: target, overwrite: true })
    await expect(refusal).rejects.toMatchObject({ code: 'QUOTE_MISMATCH' })
    const message = await refusal.catch((e: Error) => e.message)
    expect(message).toMatch(/^2 cited quotes no longer match their sources, so the brief was not exported\./)
    expect(message).toContain('• Hospitals could run general practice services in underserved areas: The quote says “could” but the source now says “might”.')
    expect(message).toContain('• Editorial on the crisis in general practice and integration with hospital care: The claim was deleted')
    expect(readFileSync(target, 'utf8')).toBe('the analyst’s earlier export')
    expect(readdirSync(fixture.out)).toEqual(['brief.docx'])
  })

  it('with force, exports and marks each failing citation in the text and in its note', async () => {
    alterSourceText(fixture.session, fixture.claims.iacobucci.sourceId, 'hospitals could take control', 'hospitals might take control')
    fixture.session.db.prepare('DELETE FROM claims WHERE id = ?').run(fixture.claims.jones.id)
    new TrashItems(fixture.session.db, fixture.session.sources).trashSource(fixture.claims.bjgp.sourceId)
    const target = join(fixture.out, 'forced.docx')
    const result = await exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: target, force: true, notes: 'footnotes', style: 'harvard' })
    expect(result.report.ok).toBe(false)
    expect(result.citations).toBe(fixture.citationCount)
    const parts = await readDocx(target)
    const body = plain(parts.document)
    expect(body.match(/\[quote changed\]/g)).toHaveLength(2) // Iacobucci is cited twice
    expect(body).toContain('[claim deleted]')
    expect(body).toContain('[source removed]')
    const notes = noteTexts(parts.footnotes, 'footnote')
    expect(notes).toHaveLength(fixture.clusterCount)
    expect(notes.filter((n) => n.includes('[quote changed]'))).toHaveLength(2)
    // The deleted claim's source is still in the project, so its note still cites it as the style does.
    expect(notes.find((n) => n.includes('[claim deleted]'))).toMatch(/^\(Jones, 2014/)
    // The removed source lives on as its title, so the reference list still names it.
    expect(notes.find((n) => n.includes('[source removed]'))).toContain('Breaking boundaries')
  })

  it('answers export.check and export.docx through the same door the app uses', async () => {
    alterSourceText(fixture.session, fixture.claims.drage.sourceId, 'disenfranchised', 'sidelined')
    const userData = mkdtempSync(join(tmpdir(), 'evident-userdata-'))
    const core = await createCore({ userDataDir: userData, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    try {
      await core.openProject(fixture.session.path)
      const report = (await dispatch(core.handlers, 'export.check', { briefId: fixture.briefId })) as IntegrityReport
      expect(item(report, fixture.claims.drage.id)).toMatchObject({ status: 'changed', detail: 'The quote says “disenfranchised” but the source now says “sidelined”.' })
      const target = join(fixture.out, 'door.docx')
      await expect(dispatch(core.handlers, 'export.docx', { briefId: fixture.briefId, target: core.files.forWriting({ path: target, name: 'door.docx', overwrite: false }).handle })).rejects.toMatchObject({ code: 'QUOTE_MISMATCH' })
      expect(existsSync(target)).toBe(false)
      await expect(dispatch(core.handlers, 'export.check', { briefId: 'no-such-brief' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      core.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })

  it('describes a change in whole words', () => {
    expect(describeChange('about 6,000 more GPs by 2020', 'about 5,000 more GPs by 2020')).toBe('The quote says “6,000” but the source now says “5,000”.')
    expect(describeChange('the jewel in the crown', '')).toMatch(/shorter now/)
  })
})
