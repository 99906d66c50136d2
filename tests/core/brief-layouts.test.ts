import { describe, expect, it } from 'vitest'
import { rootOf } from '../../electron/core/briefs/content'
import { heading, paragraph, plainText, root } from '../../electron/core/briefs/nodes'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { exportBriefToDocx, checkBrief } from '../../electron/core/export/export-docx'
import { leaveOutEmpty } from '../../electron/core/export/left-out'
import { TEMPLATE_PROMPTS } from '@shared/dto/template-prompts'
import { roleOfHeading } from '@shared/dto/section-roles'
import { parseTargetLength, measureAgainstTarget } from '@shared/dto/brief-layout'
import { briefsArgs } from '@shared/contract/briefs'
import { createBriefFixture } from '../fixtures/brief-fixture'
import { useExportFixture } from '../helpers/export-fixture'
import { readDocxParagraphs } from '../helpers/docx-paragraphs'

/** The ministerial submission as an analyst leaves it on a first pass: Timing and Argument not written yet. */
function firstDraft(briefs: BriefRepository, id: string): void {
  const content = structuredClone(briefs.get(id).content)
  const blocks = rootOf(content).children!
  const after = (title: string) => blocks.findIndex((b) => b.type === 'heading' && plainText(b) === title) + 1
  blocks[after('Issue')] = paragraph('Whether to let hospital trusts run general practices in the pilot areas.')
  blocks[after('Recommendation')] = paragraph('That you agree to a two-year pilot in three areas.')
  blocks.splice(after('Background'), 1, paragraph('Trusts run 21 practices in England.'), paragraph('Evidence on outcomes is mixed.'))
  blocks[after('Argument')] = paragraph()
  briefs.save(id, JSON.stringify(content))
}

describe('house layouts: the ministerial submission, numbered paragraphs, the key-messages box', () => {
  let briefs: BriefRepository
  const exports = useExportFixture('evident-layouts-', (fixture) => void (briefs = new BriefRepository(fixture.session.db)))

  it('a ministerial submission starts with Issue, Recommendation and Timing, then the argument, each section with its role and prompt', () => {
    const brief = briefs.create('Hospital trusts and general practice', 'ministerial-submission', null)
    const h2s = rootOf(brief.content).children!.filter((n) => n.type === 'heading' && n.tag === 'h2')
    expect(h2s.map((h) => [plainText(h), roleOfHeading(h)])).toEqual([
      ['Issue', 'issue'],
      ['Recommendation', 'recommendations'],
      ['Timing', 'timing'],
      ['Background', 'background'],
      ['Argument', 'argument'],
      ['References', 'references'],
    ])
    expect(plainText(rootOf(brief.content).children![2]!)).toBe(TEMPLATE_PROMPTS.issue)
    expect(brief.layout).toEqual({ numberedParagraphs: true, keyMessagesBox: false, target: { unit: 'pages', value: 3 } })
    expect(briefs.create('A policy brief', 'policy-brief', null).layout.keyMessagesBox).toBe(true)
  })

  it('exports sections as 1., 2. and their paragraphs as 1.1, 1.2 in one Word numbering definition, leaving out what is still the template', async () => {
    const brief = briefs.create('Pilot submission', 'ministerial-submission', null)
    firstDraft(briefs, brief.id)
    const path = exports.out('submission.docx')
    const result = await exportBriefToDocx(exports.ctx(), { briefId: brief.id, outPath: path, style: 'harvard', notes: 'none' })
    const paragraphs = readDocxParagraphs(path).filter((p) => p.text.trim())
    const shown = paragraphs.map((p) => [p.text, p.numbering ? `${p.numbering.ilvl}:${p.numbering.lvlText}` : null])
    expect(shown.slice(0, 8)).toEqual([
      ['Pilot submission', null],
      ['Issue', '0:%1.'],
      ['Whether to let hospital trusts run general practices in the pilot areas.', '1:%1.%2'],
      ['Recommendation', '0:%1.'],
      ['That you agree to a two-year pilot in three areas.', '1:%1.%2'],
      ['Background', '0:%1.'],
      ['Trusts run 21 practices in England.', '1:%1.%2'],
      ['Evidence on outcomes is mixed.', '1:%1.%2'],
    ])
    // One numbering instance for the whole brief: Word counts 1.1 … 3.2 across it, and a cross-reference follows.
    expect(new Set(paragraphs.filter((p) => p.numbering).map((p) => p.numbering!.numId)).size).toBe(1)
    const texts = paragraphs.map((p) => p.text)
    expect(texts).not.toContain('Timing')
    expect(texts).not.toContain('Argument')
    expect(texts).not.toContain(TEMPLATE_PROMPTS.timing)
    // The References heading is the style's list, not the argument: no number.
    expect(paragraphs.find((p) => p.text === 'References')?.numbering ?? null).toBeNull()
    expect(result.report.leftOut.map((i) => [i.kind, i.title])).toEqual([
      ['empty-section', 'Timing'],
      ['empty-section', 'Argument'],
    ])
  })

  it('a prompt left in a section that has words of the analyst’s is left out alone, and the check says where', () => {
    const brief = briefs.create('Half written', 'ministerial-submission', null)
    const content = structuredClone(briefs.get(brief.id).content)
    const blocks = rootOf(content).children!
    blocks.splice(3, 0, paragraph('The trusts asked for a decision by March.'))
    briefs.save(brief.id, JSON.stringify(content))
    const report = checkBrief(exports.fixture().session.db, brief.id).report
    expect(report.leftOut[0]).toEqual({ kind: 'placeholder', title: 'Issue', block: 2 })
    expect(report.leftOut.filter((i) => i.kind === 'empty-section').map((i) => i.title)).toEqual(['Recommendation', 'Timing', 'Background', 'Argument'])
  })

  it('an empty heading with empty sub-headings goes with them; a heading over a table, a citation or the references stays', () => {
    const citation = { type: 'citation', version: 1, claimId: 'c1', snapshot: {} }
    const tree = root([
      heading('h1', 'Title'),
      heading('h2', 'Options', 'options'),
      heading('h3', 'Option 1'),
      paragraph(),
      heading('h4', 'Risks'),
      paragraph(''),
      heading('h2', 'Cited', 'background'),
      paragraph(citation),
      heading('h2', 'References', 'references'),
      { type: 'references', version: 1 },
    ]).root
    const trimmed = leaveOutEmpty(tree)
    expect(trimmed.root.children!.map((n) => (n.type === 'heading' ? plainText(n) : n.type))).toEqual(['Title', 'Cited', 'paragraph', 'References', 'references'])
    expect(trimmed.leftOut).toEqual([{ kind: 'empty-section', title: 'Options', block: 1 }])
    expect(tree.children).toHaveLength(10)
  })

  it('the Key messages section is one shaded, bordered box in Word, its heading included, and nothing else is', async () => {
    const { briefId } = exports.fixture()
    briefs.update(briefId, { layout: { keyMessagesBox: true } })
    const path = exports.out('box.docx')
    await exportBriefToDocx(exports.ctx(), { briefId, outPath: path, style: 'harvard', notes: 'none' })
    const paragraphs = readDocxParagraphs(path).filter((p) => p.text.trim())
    const start = paragraphs.findIndex((p) => p.text === 'Key messages')
    const end = paragraphs.findIndex((p) => p.text === 'Background')
    const inBox = paragraphs.slice(start, end)
    expect(inBox.length).toBeGreaterThan(1)
    for (const p of inBox) expect({ text: p.text, fill: p.fill, boxed: p.boxed }).toEqual({ text: p.text, fill: 'E8EEF7', boxed: true })
    expect(paragraphs.slice(end).some((p) => p.boxed || p.fill)).toBe(false)
    expect(paragraphs.some((p) => p.numbering?.lvlText === '%1.%2')).toBe(false)
  })
})

describe('target length per brief', () => {
  it('reads pages or words, and refuses what is not a length with a plain message', () => {
    expect(parseTargetLength('4 pages')).toEqual({ ok: true, target: { unit: 'pages', value: 4 } })
    expect(parseTargetLength('4')).toEqual({ ok: true, target: { unit: 'pages', value: 4 } })
    expect(parseTargetLength('2,000 words')).toEqual({ ok: true, target: { unit: 'words', value: 2000 } })
    expect(parseTargetLength('  ')).toEqual({ ok: true, target: null })
    expect(parseTargetLength('four pages')).toMatchObject({ ok: false, message: expect.stringContaining('“4 pages” or “2000 words”') })
    expect(parseTargetLength('0 pages')).toMatchObject({ ok: false, message: 'A target of pages must be a whole number from 1 to 200.' })
    expect(parseTargetLength('2.5 pages')).toMatchObject({ ok: false })
    expect(parseTargetLength('9'.repeat(400))).toMatchObject({ ok: false })
  })

  it('says whether the brief is over, within or under its target', () => {
    expect(measureAgainstTarget(2100, { unit: 'pages', value: 4 })).toEqual({ state: 'over', text: 'Over the target of 4 pages by about 0.2 page' })
    expect(measureAgainstTarget(1900, { unit: 'pages', value: 4 })).toEqual({ state: 'within', text: 'Within the target of 4 pages' })
    expect(measureAgainstTarget(600, { unit: 'words', value: 2000 })).toEqual({ state: 'under', text: 'Under the target of 2,000 words by 1,400 words' })
  })

  it('is stored with the brief through briefs.update, and a bad one is refused with the brief unchanged', async () => {
    const fixture = await createBriefFixture()
    try {
      const briefs = new BriefRepository(fixture.session.db)
      const set = briefs.update(fixture.briefId, { layout: { target: { unit: 'words', value: 1800 } } })
      expect(set.layout.target).toEqual({ unit: 'words', value: 1800 })
      expect(briefs.get(fixture.briefId).layout).toEqual({ numberedParagraphs: false, keyMessagesBox: false, target: { unit: 'words', value: 1800 } })
      for (const bad of [{ unit: 'pages', value: 0 }, { unit: 'pages', value: 201 }, { unit: 'words', value: 1.5 }, { unit: 'lines', value: 4 }, { unit: 'words', value: '2000' }]) {
        const parsed = briefsArgs['briefs.update'].safeParse({ id: fixture.briefId, layout: { target: bad } })
        expect(parsed.success).toBe(false)
      }
      expect(briefsArgs['briefs.update'].safeParse({ id: fixture.briefId, layout: { target: { unit: 'pages', value: 201 } } }).error?.issues[0]?.message).toBe('A target may be at most 200 pages.')
      expect(briefs.get(fixture.briefId).layout.target).toEqual({ unit: 'words', value: 1800 })
      // Stored JSON edited by hand to something out of bounds reads as no target, never as a broken brief.
      fixture.session.db.prepare('UPDATE briefs SET layout = ? WHERE id = ?').run('{"v":1,"target":{"unit":"pages","value":-3},"numberedParagraphs":"yes"}', fixture.briefId)
      expect(briefs.get(fixture.briefId).layout).toEqual({ numberedParagraphs: false, keyMessagesBox: false, target: null })
      fixture.session.db.prepare('UPDATE briefs SET layout = ? WHERE id = ?').run('not json', fixture.briefId)
      expect(briefs.get(fixture.briefId).layout.target).toBeNull()
    } finally {
      fixture.cleanup()
    }
  })
})
