import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkBrief, exportBriefToDocx } from '../../electron/core/export/export-docx'
import { assembleText } from '../../electron/core/sources/assemble'
import { hasXmlForbidden } from '@shared/xml-chars'
import { checkExitCode, printReport } from '../../electron/cli/commands/check'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'

/** What python-docx (the library many organisations script Word files with) reads from the file. */
function pythonDocx(path: string): { paragraphs: string; footnotes: number; title: string; author: string } {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
text = "\\n".join(p.text for p in d.paragraphs)
fn = [p for p in d.part.package.iter_parts() if str(p.partname).endswith("footnotes.xml")]
count = fn[0].blob.decode("utf8").count("<w:footnote ") if fn else 0
print(json.dumps({"paragraphs": text, "footnotes": count, "title": d.core_properties.title, "author": d.core_properties.author}))
`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as { paragraphs: string; footnotes: number; title: string; author: string }
}

/** A project imported before import removed these characters: the source text, the claim and the brief hold them. */
function storeLikeAnOldImport(fixture: ExportFixture): string {
  const { iacobucci } = fixture.claims
  const db = fixture.session.db
  // Same length as the words they replace, so every anchor still points at the quote.
  const swap = (text: string) => text.replace('take control', 'take\uFFFEcontrol').replace('of general', 'of\uFFFFgeneral')
  const source = db.prepare('SELECT text FROM sources WHERE id = ?').get(iacobucci.sourceId) as { text: string }
  db.prepare('UPDATE sources SET text = ?, title = ? WHERE id = ?').run(swap(source.text), 'Hospitals\u0007 and GPs', iacobucci.sourceId)
  const claim = db.prepare('SELECT quote, anchor FROM claims WHERE id = ?').get(iacobucci.id) as { quote: string; anchor: string }
  db.prepare('UPDATE claims SET quote = ?, anchor = ?, statement = ? WHERE id = ?').run(swap(claim.quote), swap(claim.anchor), 'Trusts\u0008 may run GPs', iacobucci.id)
  const brief = db.prepare('SELECT content FROM briefs WHERE id = ?').get(fixture.briefId) as { content: string }
  db.prepare('UPDATE briefs SET content = ?, title = ? WHERE id = ?').run(swap(brief.content).replace('Key messages', 'Key\\u001b messages'), 'Trusts\uFFFF and GPs', fixture.briefId)
  return swap(claim.quote)
}

describe('characters XML forbids never make an unreadable .docx', () => {
  let fixture: ExportFixture
  beforeEach(async () => {
    fixture = await createExportFixture('evident-forbidden-')
  })
  afterEach(() => fixture.cleanup())

  it('import leaves them out of the text anchors point into, keeping tabs, new lines and emoji', () => {
    const assembled = assembleText([
      { kind: 'paragraph', text: 'GP\uFFFE numbers\uFFFF fell\u0007 by 5% \uD800in 2019.' },
      { kind: 'paragraph', text: 'Care 👩‍⚕️ in\tWales.' },
    ])
    expect(assembled.text).toBe('GP numbers fell by 5% in 2019.\n\nCare 👩‍⚕️ in\tWales.')
    expect(assembled.paragraphs.map((p) => p.text)).toEqual(['GP numbers fell by 5% in 2019.', 'Care 👩‍⚕️ in\tWales.'])
    expect(hasXmlForbidden(assembled.text)).toBe(false)
  })

  it('the check names the stored quote that holds U+FFFE and U+FFFF, and still says it matches its source', () => {
    storeLikeAnOldImport(fixture)
    const { report } = checkBrief(fixture.session.db, fixture.briefId)
    expect(report.ok).toBe(true)
    expect(report.forbiddenCharacters).toEqual([{ claimId: fixture.claims.iacobucci.id, sourceTitle: 'Hospitals\u0007 and GPs', characters: 'U+FFFE, U+FFFF' }])
    // `evident check` says so, and exits 1 so a script notices.
    const lines: string[] = []
    printReport({ out: (s) => lines.push(s), err: (s) => lines.push(s) }, report, 'Trusts and GPs')
    expect(lines.join('\n')).toMatch(/All 7 cited quotes in “Trusts and GPs” match their sources[\s\S]*1 cited quote holds characters a Word document cannot carry; the export leaves them out:[\s\S]*U\+FFFE, U\+FFFF/)
    expect(checkExitCode(report)).toBe(1)
    expect(checkExitCode({ ...report, forbiddenCharacters: undefined })).toBe(0)
  })

  it('a quote holding U+FFFE and U+FFFF exports a .docx every part of which is well-formed: LibreOffice converts it, python-docx reads it', { timeout: 120_000 }, async () => {
    storeLikeAnOldImport(fixture)
    const path = join(fixture.out, 'forbidden.docx')
    await exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: path, style: 'vancouver', notes: 'footnotes', includeQuotes: true, appendix: true })

    const zip = await JSZip.loadAsync(readFileSync(path))
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      expect(hasXmlForbidden(await zip.file(name)!.async('string')), name).toBe(false)
    }
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain('<dc:title>Trusts and GPs</dc:title>')

    const read = pythonDocx(path)
    expect(read.title).toBe('Trusts and GPs')
    expect(read.paragraphs).toContain('Key messages')
    expect(read.footnotes).toBeGreaterThan(0)

    const profile = `/tmp/lo-forbidden-${process.pid}-${Date.now()}`
    try {
      execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', fixture.out, path], { timeout: 110_000, stdio: 'pipe' })
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
    const text = execFileSync('pdftotext', [join(fixture.out, 'forbidden.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Trusts and GPs')
    expect(text).toContain('take')
    expect(text).toContain('Trusts may run GPs')
  })
})
