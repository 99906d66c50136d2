import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { claimHandlers } from '../../electron/core/app/handlers/claims'
import { CoreContext } from '../../electron/core/app/context'
import { searchClaims } from '../../electron/core/claims/search'
import { refusal } from '../helpers/refusal'
import { MAX_QUOTE_CHARS } from '@shared/limits'
import { RESOURCES_DIR } from '../helpers/temp'
import { addSource, claimOn, testWithSource } from './claims-fixture'
import { inProcessParser } from '../../electron/core/sources/parse/parser'

const PARAGRAPHS = [
  'In 2008, on the 60th birthday of the NHS, Don Berwick wrote about general practice.',
  'General practice is the jewel in the crown of the NHS. Save it. Build it.',
  { kind: 'paragraph' as const, text: 'Chronic underfunding and maldistribution of resources within the NHS is partly to blame.', page: '117' },
]


describe('making a claim from a highlighted passage', () => {
  const it = testWithSource(PARAGRAPHS, 'Editorial on the crisis')

  it('records the exact words, 32 characters either side, the paragraph and the page', ({ project, sourceId }) => {
    const claim = claimOn(project, sourceId, 'maldistribution of resources')
    const text = project.session.sources.get(sourceId).text
    expect(claim.quote).toBe('maldistribution of resources')
    expect(claim.anchor.exact).toBe('maldistribution of resources')
    expect(text.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.quote)
    expect(claim.anchor.prefix).toBe(text.slice(claim.anchor.start - 32, claim.anchor.start))
    expect(claim.anchor.prefix).toHaveLength(32)
    expect(claim.anchor.suffix).toBe(text.slice(claim.anchor.end, claim.anchor.end + 32))
    expect(claim.anchor.paragraph).toBe(3)
    expect(claim.anchor.page).toBe('117')
    expect(claim.status).toBe('anchored')
  })

  it('uses the quote as the statement when the analyst writes none', ({ project, sourceId }) => {
    expect(claimOn(project, sourceId, 'Save it. Build it.').statement).toBe('Save it. Build it.')
    expect(claimOn(project, sourceId, 'jewel in the crown', { statement: '   ' }).statement).toBe('jewel in the crown')
    expect(claimOn(project, sourceId, 'the NHS', { statement: ' General practice matters. ' }).statement).toBe('General practice matters.')
  })

  it('keeps tags, a stance on a question, the evidence type, strength and note', ({ project, sourceId }) => {
    const tag = project.tags.create('Funding', null)
    const question = project.questions.create('Should hospital trusts run general practice?')
    const claim = claimOn(project, sourceId, 'Chronic underfunding', {
      tagIds: [tag.id],
      stances: [{ questionId: question.id, stance: 'opposes' }],
      evidenceType: 'expert-opinion',
      strength: 'moderate',
      note: 'Editorial view',
    })
    expect(project.claims.get(claim.id)).toMatchObject({
      tagIds: [tag.id],
      stances: [{ questionId: question.id, stance: 'opposes' }],
      evidenceType: 'expert-opinion',
      strength: 'moderate',
      note: 'Editorial view',
    })
  })

  it('trims spaces the selection caught at either end', ({ project, sourceId }) => {
    const text = project.session.sources.get(sourceId).text
    const start = text.indexOf(' Save it.')
    const claim = project.claims.create({ sourceId, start, end: start + 10, exact: ' Save it. ' })
    expect(claim.quote).toBe('Save it.')
    expect(text.slice(claim.anchor.start, claim.anchor.end)).toBe('Save it.')
  })

  it('refuses an empty or whitespace-only selection, saying so', ({ project, sourceId }) => {
    for (const exact of ['', '   ', '\n\n']) {
      const error = refusal(() => project.claims.create({ sourceId, start: 0, end: exact.length, exact }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(/selection is empty/)
    }
    expect(project.session.info().claimCount).toBe(0)
  })

  it('refuses a selection longer than the limit and says what the limit is', ({ project }) => {
    const long = 'word '.repeat(1100).trim()
    const longSource = addSource(project.session, [long], 'Long report')
    const error = refusal(() => project.claims.create({ sourceId: longSource, start: 0, end: long.length, exact: long }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(MAX_QUOTE_CHARS.toLocaleString('en-GB'))
  })

  it('refuses a selection whose text no longer matches the source', ({ project, sourceId }) => {
    const text = project.session.sources.get(sourceId).text
    const start = text.indexOf('jewel')
    for (const [s, e, exact] of [
      [start, start + 5, 'jewels'],
      [start + 1, start + 6, 'jewel'],
      [text.length - 2, text.length + 10, 'blame.xxxxxxxx'],
      [start + 5, start, 'jewel'],
    ] as const) {
      const error = refusal(() => project.claims.create({ sourceId, start: s, end: e, exact }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(/no longer matches the source/)
    }
  })

  it('refuses a claim on a source, tag or question that is gone, writing nothing', ({ project, sourceId }) => {
    expect(refusal(() => project.claims.create({ sourceId: 'nope', start: 0, end: 2, exact: 'In' })).code).toBe('NOT_FOUND')
    expect(refusal(() => claimOn(project, sourceId, 'Save it.', { tagIds: ['gone'] })).code).toBe('NOT_FOUND')
    const stances = [{ questionId: 'gone', stance: 'supports' as const }]
    expect(refusal(() => claimOn(project, sourceId, 'Save it.', { stances })).code).toBe('NOT_FOUND')
    expect(project.session.info().claimCount).toBe(0)
    expect(searchClaims(project.session.db, { text: 'save' }).total).toBe(0)
  })

  it('edits a claim: only what the patch names changes, and search follows', ({ project, sourceId }) => {
    const claim = claimOn(project, sourceId, 'Save it. Build it.', { strength: 'weak', note: 'first' })
    const tag = project.tags.create('Workforce', null)
    const updated = project.claims.update(claim.id, { statement: 'GPs must be protected', tagIds: [tag.id], strength: null })
    expect(updated).toMatchObject({ statement: 'GPs must be protected', tagIds: [tag.id], strength: null, note: 'first', quote: 'Save it. Build it.' })
    expect(searchClaims(project.session.db, { text: 'protected' }).items.map((c) => c.id)).toEqual([claim.id])
    expect(searchClaims(project.session.db, { text: 'workforce' }).items.map((c) => c.id)).toEqual([claim.id])
    expect(project.claims.update(claim.id, { statement: '' }).statement).toBe('Save it. Build it.')
  })

  it('deletes a claim from the project and from search; deleting twice is not an error', ({ project, sourceId }) => {
    const claim = claimOn(project, sourceId, 'jewel in the crown')
    expect(project.trash.trashClaim(claim.id)).toBe(true)
    expect(project.trash.trashClaim(claim.id)).toBe(false)
    expect(refusal(() => project.claims.get(claim.id)).code).toBe('NOT_FOUND')
    expect(searchClaims(project.session.db, { text: 'jewel' }).total).toBe(0)
  })

  it('lists a source’s claims in reading order, and fetches many in the order asked', ({ project, sourceId }) => {
    const later = claimOn(project, sourceId, 'partly to blame')
    const earlier = claimOn(project, sourceId, 'Don Berwick')
    expect(project.claims.forSource(sourceId).map((c) => c.id)).toEqual([earlier.id, later.id])
    expect(project.claims.getMany([later.id, 'deleted', earlier.id]).map((c) => c.id)).toEqual([later.id, earlier.id])
  })

  it('reattaches a claim to a passage the analyst selects again', ({ project, sourceId }) => {
    const claim = claimOn(project, sourceId, 'Save it.')
    project.session.db.prepare(`UPDATE claims SET status = 'orphaned' WHERE id = ?`).run(claim.id)
    const text = project.session.sources.get(sourceId).text
    const start = text.indexOf('Build it.')
    const again = project.claims.reattach(claim.id, { start, end: start + 9, exact: 'Build it.' })
    expect(again).toMatchObject({ status: 'anchored', quote: 'Build it.', statement: 'Build it.' })
    expect(again.anchor.start).toBe(start)
  })

  it('refuses to reattach a claim that does not exist', ({ project }) => {
    const error = refusal(() => project.claims.reattach('no-such-claim', { start: 0, end: 2, exact: 'In' }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/claim is no longer in this project/)
  })

  it('tells every window that claims changed after a write through the handlers', async ({ project, sourceId }) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'evident-claims-ctx-'))
    const ctx = new CoreContext({ userDataDir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    const events: string[] = []
    ctx.events.subscribe((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`))
    ctx.switchTo(project.session)
    const handlers = claimHandlers(ctx)
    const text = project.session.sources.get(sourceId).text
    const start = text.indexOf('jewel')
    const claim = await handlers['claims.create']({ sourceId, start, end: start + 5, exact: 'jewel' })
    expect(events).toContain('claims.changed:{"reason":"create"}')
    expect((await handlers['claims.search']({ text: 'jewel' })).items[0]?.id).toBe(claim.id)
    rmSync(userDataDir, { recursive: true, force: true })
  })
})
