import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/core/app/dispatch'
import { settingsHandlers } from '../../electron/core/app/handlers/settings'
import { CoreContext } from '../../electron/core/app/context'
import { documentLanguage, styleLocale } from '../../electron/core/citations/language'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { AppSettingsStore } from '../../electron/core/project/settings'
import type { Handlers } from '@shared/contract/index'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'
import { useTempDir } from '../helpers/temp'

async function part(path: string, name: string): Promise<string> {
  return (await (await JSZip.loadAsync(readFileSync(path))).file(name)?.async('string')) ?? ''
}

/** Real notes' paragraphs, without Word's separator notes. */
function notePStyles(xml: string, kind: 'footnote' | 'endnote'): string[] {
  const notes = [...xml.matchAll(new RegExp(`<w:${kind} (?![^>]*w:type=)[^>]*>([\\s\\S]*?)</w:${kind}>`, 'g'))]
  return notes.flatMap((m) => [...m[1]!.matchAll(/<w:p>(?:<w:pPr>([\s\S]*?)<\/w:pPr>)?/g)].map((p) => /<w:pStyle w:val="([^"]+)"/.exec(p[1] ?? '')?.[1] ?? '(none)'))
}

function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? ''
}

/** python-docx reads the styles by Word's built-in names, as a house script would. */
function pythonStyles(path: string): Record<string, { size: number | null; superscript: boolean | null }> {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
out = {}
for name in ["footnote text", "footnote reference", "endnote text", "endnote reference"]:
    s = d.styles[name]
    out[name] = {"size": s.font.size.pt if s.font.size else None, "superscript": s.font.superscript}
print(json.dumps(out))
`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as Record<string, { size: number | null; superscript: boolean | null }>
}

describe('the .docx speaks Word: its note styles, its language, its author', () => {
  let fixture: ExportFixture
  beforeEach(async () => {
    fixture = await createExportFixture('evident-word-')
  })
  afterEach(() => fixture.cleanup())

  const exportAs = async (name: string, options: Partial<Parameters<typeof exportBriefToDocx>[1]> = {}, settings = { authorName: 'Priya Shah', locale: 'en-GB' }) => {
    const path = join(fixture.out, name)
    await exportBriefToDocx({ ...fixture.ctx, settings }, { briefId: fixture.briefId, outPath: path, includeQuotes: true, ...options })
    return path
  }

  it('every footnote is in Footnote Text and every endnote in Endnote Text, with Word’s ids, 10 pt text and superscript references', async () => {
    const foot = await exportAs('foot.docx', { style: 'vancouver', notes: 'footnotes' })
    const end = await exportAs('end.docx', { style: 'harvard', notes: 'endnotes' })
    const footStyles = notePStyles(await part(foot, 'word/footnotes.xml'), 'footnote')
    expect(footStyles.length).toBeGreaterThan(3)
    expect(new Set(footStyles)).toEqual(new Set(['FootnoteText']))
    expect(new Set(notePStyles(await part(end, 'word/endnotes.xml'), 'endnote'))).toEqual(new Set(['EndnoteText']))
    // The numbers in the text use the reference styles.
    expect(await part(foot, 'word/document.xml')).toMatch(/<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference /)
    expect(await part(end, 'word/document.xml')).toMatch(/<w:rStyle w:val="EndnoteReference"\/><\/w:rPr><w:endnoteReference /)

    const styles = await part(foot, 'word/styles.xml')
    expect(styleXml(styles, 'FootnoteText')).toContain('<w:sz w:val="20"/>')
    expect(styleXml(styles, 'EndnoteText')).toContain('<w:sz w:val="20"/>')
    expect(styleXml(styles, 'FootnoteReference')).toContain('<w:vertAlign w:val="superscript"/>')
    expect(pythonStyles(foot)).toEqual({
      'footnote text': { size: 10, superscript: null },
      'footnote reference': { size: null, superscript: true },
      'endnote text': { size: 10, superscript: null },
      'endnote reference': { size: null, superscript: true },
    })
  })

  it('declares the analyst’s language in docDefaults (en-GB by default), and the style’s own when it forces one', async () => {
    const british = await exportAs('gb.docx', { style: 'harvard', notes: 'none' }, { authorName: '', locale: 'en-GB' })
    expect(await part(british, 'word/styles.xml')).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="en-GB"\/>/)
    const irish = await exportAs('ie.docx', { style: 'vancouver', notes: 'none' }, { authorName: '', locale: 'en-IE' })
    expect(await part(irish, 'word/styles.xml')).toContain('<w:lang w:val="en-IE"/>')
    // Cite Them Right forces en-GB (default-locale), whatever the analyst's locale.
    const ctr = await exportAs('ctr.docx', { style: 'harvard', notes: 'none' }, { authorName: '', locale: 'en-IE' })
    expect(await part(ctr, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>')

    const forced = readFileSync('/usr/share/citation-style-language/styles/accident-analysis-and-prevention.csl', 'utf8')
    expect(styleLocale(forced)).toBe('en-US')
    expect(documentLanguage(forced, 'en-GB')).toBe('en-US')
    const path = join(fixture.out, 'us.docx')
    await exportBriefToDocx({ ...fixture.ctx, settings: { authorName: '', locale: 'en-GB' } }, { briefId: fixture.briefId, outPath: path, notes: 'none' }, {
      info: { id: 'user:aap', title: 'Accident Analysis and Prevention', kind: 'author-date', builtin: false },
      xml: forced,
    })
    expect(await part(path, 'word/styles.xml')).toContain('<w:lang w:val="en-US"/>')
  })

  it('a quote from a source whose record names its language is marked in that language', async () => {
    fixture.session.db.prepare("UPDATE sources SET csl = json_set(csl, '$.language', 'fr-FR') WHERE id = ?").run(fixture.claims.iacobucci.sourceId)
    const path = await exportAs('fr.docx', { style: 'vancouver', notes: 'footnotes' })
    const footnotes = await part(path, 'word/footnotes.xml')
    expect(footnotes).toMatch(/<w:lang w:val="fr-FR"\/><\/w:rPr><w:t xml:space="preserve">“NHS hospitals could take control/)
  })

  it('the author and last editor are the name set in Settings, never “Evident” or “Un-named”; left out until one is set', async () => {
    const named = await part(await exportAs('named.docx', { notes: 'footnotes' }), 'docProps/core.xml')
    expect(named).toContain('<dc:creator>Priya Shah</dc:creator>')
    expect(named).toContain('<cp:lastModifiedBy>Priya Shah</cp:lastModifiedBy>')
    const unnamed = await part(await exportAs('unnamed.docx', { notes: 'footnotes' }, { authorName: '', locale: 'en-GB' }), 'docProps/core.xml')
    expect(unnamed).not.toMatch(/dc:creator|lastModifiedBy|Evident<|Un-named/)
  })
})

describe('Settings: the analyst’s name and language, set once for every project', () => {
  const temp = useTempDir('evident-settings-')
  const handlers = () => settingsHandlers(new CoreContext({ userDataDir: temp(), resourcesDir: '', parser: inProcessParser })) as unknown as Handlers

  it('start as en-GB with no name, and keep what the analyst sets across restarts', async () => {
    expect(await dispatch(handlers(), 'settings.get', {})).toEqual({ authorName: '', locale: 'en-GB' })
    expect(await dispatch(handlers(), 'settings.update', { authorName: '  Priya Shah ' })).toEqual({ authorName: 'Priya Shah', locale: 'en-GB' })
    expect(await dispatch(handlers(), 'settings.update', { locale: 'en-IE' })).toEqual({ authorName: 'Priya Shah', locale: 'en-IE' })
    expect(new AppSettingsStore(temp()).get()).toEqual({ authorName: 'Priya Shah', locale: 'en-IE' })
  })

  it('refuse a name with a control character, an over-long name and a malformed locale, and change nothing', async () => {
    await dispatch(handlers(), 'settings.update', { authorName: 'Priya Shah' })
    await expect(dispatch(handlers(), 'settings.update', { authorName: 'Priya\u0007' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('control characters') })
    await expect(dispatch(handlers(), 'settings.update', { authorName: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 200') })
    await expect(dispatch(handlers(), 'settings.update', { locale: '../../etc' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('en-GB') })
    expect(await dispatch(handlers(), 'settings.get', {})).toEqual({ authorName: 'Priya Shah', locale: 'en-GB' })
  })

  it('a damaged settings file reads as the defaults rather than stopping Evident', () => {
    writeFileSync(join(temp(), 'settings.json'), '{"authorName": 42, "locale": "not a locale"')
    expect(new AppSettingsStore(temp()).get()).toEqual({ authorName: '', locale: 'en-GB' })
    writeFileSync(join(temp(), 'settings.json'), JSON.stringify({ authorName: 'Ana\uFFFE', locale: 'xx_YY' }))
    expect(new AppSettingsStore(temp()).get()).toEqual({ authorName: '', locale: 'en-GB' })
  })
})
