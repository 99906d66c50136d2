import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ADDITIONS, type BriefSummary } from '@shared/dto/briefs'
import { noteTexts, readDocx } from '../fixtures/docx-inspect'
import { createExportFixture } from '../fixtures/export-fixture'
import { useCoreOnProject } from '../helpers/core-on-project'

/** Evident's additions after the style's text: each switchable, remembered per brief, and never the brief's style changed by one export. */
describe('the analyst chooses what Evident adds after the style’s text', () => {
  const on = useCoreOnProject(() => createExportFixture('evident-additions-'))
  const call = on.call
  const summary = async () => ((await call('briefs.list', {})) as BriefSummary[]).find((b) => b.id === on.fixture().briefId)!

  /** A place to write, as the CLI or a save dialog hands one to the core. */
  const target = (name: string) => on.core().files.forWriting({ path: join(on.fixture().out, name), name, overwrite: false }).handle

  async function notes(name: string, args: Record<string, unknown> = {}): Promise<string[]> {
    const outPath = join(on.fixture().out, name)
    await call('export.docx', { briefId: on.fixture().briefId, target: target(name), style: 'vancouver', notes: 'footnotes', ...args })
    return noteTexts((await readDocx(outPath)).footnotes, 'footnote')
  }

  it('a brief starts with the pinpoint and the way back, no quote and no appendix', async () => {
    expect((await summary()).additions).toEqual(DEFAULT_ADDITIONS)
    const texts = await notes('defaults.docx')
    expect(texts.some((t) => /para\.\u00a0\d+/.test(t))).toBe(true)
    expect(texts.some((t) => t.includes('Go to the quoted words'))).toBe(true)
  })

  it('switched off and remembered on the brief, they leave only the style’s own text', async () => {
    const saved = (await call('briefs.update', { id: on.fixture().briefId, additions: { pinpoints: false, quoteLinks: false } })) as BriefSummary
    expect(saved.additions).toEqual({ ...DEFAULT_ADDITIONS, pinpoints: false, quoteLinks: false })
    // Nothing asked for in the export: the brief's remembered choice holds.
    const texts = await notes('style-only.docx')
    expect(texts.length).toBeGreaterThan(0)
    expect(texts.some((t) => /para\.|p\.\u00a0/.test(t))).toBe(false)
    expect(texts.some((t) => t.includes('Go to the quoted words'))).toBe(false)
    // One export can still ask for them, without changing what the brief remembers.
    const once = await notes('once.docx', { pinpoints: true })
    expect(once.some((t) => /para\.\u00a0\d+/.test(t))).toBe(true)
    expect((await summary()).additions.pinpoints).toBe(false)
  })

  it('“Go to the page” is its own switch, remembered on the brief beside “Go to the quoted words”', async () => {
    const saved = (await call('briefs.update', { id: on.fixture().briefId, additions: { pageLinks: false } })) as BriefSummary
    expect(saved.additions.pageLinks).toBe(false)
    expect((await summary()).additions).toMatchObject({ pageLinks: false, quoteLinks: false })
    await expect(call('briefs.update', { id: on.fixture().briefId, additions: { pageLinks: 'yes' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect((await call('briefs.update', { id: on.fixture().briefId, additions: { pageLinks: true } })) as BriefSummary).toMatchObject({ additions: { pageLinks: true } })
  })

  it('exporting once in another style leaves the brief’s saved style and notes as they were', async () => {
    const before = await summary()
    await call('export.docx', { briefId: on.fixture().briefId, target: target('apa.docx'), style: 'apa', notes: 'none' })
    const after = await summary()
    expect([after.style, after.notes]).toEqual([before.style, before.notes])
  })

  it('refuses an addition that is not on or off, or one it does not know, and changes nothing', async () => {
    const before = await summary()
    await expect(call('briefs.update', { id: on.fixture().briefId, additions: { pinpoints: 'no' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('briefs.update', { id: on.fixture().briefId, additions: { glitter: true } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('export.docx', { briefId: on.fixture().briefId, target: target('x.docx'), quoteLinks: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await summary()).toEqual(before)
  })

  it('an unreadable stored choice opens as the defaults rather than failing the brief', async () => {
    on.fixture().session.db.prepare('UPDATE briefs SET export_additions = ? WHERE id = ?').run('{not json', on.fixture().briefId)
    expect((await summary()).additions).toEqual(DEFAULT_ADDITIONS)
  })
})
