import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { pdfPageUrl } from '../../electron/core/export/page-link'
import type { Paragraph } from '@shared/dto/sources'
import { createBriefFixture, RESOURCES_DIR, type BriefFixture } from '../fixtures/brief-fixture'
import { noteTexts, pandocView, readDocx } from '../fixtures/docx-inspect'

const URL = 'https://www.kingsfund.org.uk/sites/default/files/vertical-integration.pdf'

/** The fixture's report as a PDF numbered 3, 4 (no labels of its own) and published at an address. */
function numberTheReport(fixture: BriefFixture): void {
  const db = fixture.session.db
  const id = fixture.claims.report.sourceId
  const renumber = (json: string) => json.replaceAll('"page":"iii"', '"page":"3"').replaceAll('"page":"iv"', '"page":"4"')
  const source = db.prepare('SELECT csl, paragraphs FROM sources WHERE id = ?').get(id) as { csl: string; paragraphs: string }
  db.prepare('UPDATE sources SET csl = ?, paragraphs = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(source.csl), URL }), renumber(source.paragraphs), id)
  const claim = db.prepare('SELECT anchor FROM claims WHERE id = ?').get(fixture.claims.report.id) as { anchor: string }
  db.prepare('UPDATE claims SET anchor = ? WHERE id = ?').run(renumber(claim.anchor), fixture.claims.report.id)
  const brief = db.prepare('SELECT content FROM briefs WHERE id = ?').get(fixture.briefId) as { content: string }
  db.prepare('UPDATE briefs SET content = ? WHERE id = ?').run(renumber(brief.content), fixture.briefId)
}

/** What python-docx reads: every footnote hyperlink's words and target (Word keeps a target's #fragment as the link's w:anchor). */
function pythonDocxLinks(path: string): { text: string; url: string }[] {
  const script = `
import sys, json, docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
d = docx.Document(sys.argv[1])
part = next(r.target_part for r in d.part.rels.values() if r.reltype == RT.FOOTNOTES)
ns = {'w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
from lxml import etree
root = etree.fromstring(part.blob)
out = []
for h in root.iterfind('.//w:hyperlink', ns):
    rid = h.get('{%s}id' % ns['r'])
    anchor = h.get('{%s}anchor' % ns['w'])
    if rid: out.append({'text': ''.join(h.itertext()), 'url': part.rels[rid].target_ref + ('#' + anchor if anchor else '')})
print(json.dumps(out))
`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as { text: string; url: string }[]
}

describe('a note citing a PDF source with an address leads to the quote’s page', () => {
  let fixture: BriefFixture
  let dir: string
  beforeAll(async () => {
    fixture = await createBriefFixture()
    dir = mkdtempSync(join(tmpdir(), 'evident-page-link-'))
  })
  afterAll(() => {
    fixture.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pages labelled by number give URL#page=N; a label that is not a number (p. iv), a source without an address or not a PDF give none', () => {
    const pages = (...labels: string[]) => labels.map((page, i) => ({ number: i + 1, kind: 'paragraph', text: 'x', start: i, end: i + 1, page }) as Paragraph)
    const csl = { id: 's', type: 'report', title: 'R', URL: `${URL}#view=fit` }
    expect(pdfPageUrl(csl, 'pdf', '12', pages('1', '12'))).toBe(`${URL}#page=12`)
    expect(pdfPageUrl(csl, 'pdf', 'iv', pages('iv'))).toBeUndefined()
    // One page numbered i in the source: its labels are the PDF's own, not the file's page numbers.
    expect(pdfPageUrl(csl, 'pdf', '3', pages('i', '3'))).toBeUndefined()
    expect(pdfPageUrl({ ...csl, URL: undefined }, 'pdf', '3', pages('3'))).toBeUndefined()
    expect(pdfPageUrl({ ...csl, URL: 'javascript:alert(1)' }, 'pdf', '3', pages('3'))).toBeUndefined()
    expect(pdfPageUrl(csl, 'html', '3', pages('3'))).toBeUndefined()
    expect(pdfPageUrl(csl, 'pdf', undefined, pages('3'))).toBeUndefined()
  })

  it('the footnote says “Go to the page” linked to the report’s address at page 4, as Word, pandoc and python-docx read it', async () => {
    numberTheReport(fixture)
    const path = join(dir, 'brief.docx')
    await exportBriefToDocx(
      { db: fixture.session.db, resourcesDir: RESOURCES_DIR, projectPath: fixture.session.path },
      { briefId: fixture.briefId, outPath: path, style: 'harvard', notes: 'footnotes', includeQuotes: true, appendix: true },
    )
    const parts = await readDocx(path)
    expect(parts.externalLinks).toContain(`${URL}#page=4`)
    const note = noteTexts(parts.footnotes, 'footnote').find((t) => t.includes('limited and mixed'))
    expect(note).toMatch(/“Evidence that vertical integration improves outcomes for patients remains limited and mixed\.?” Go to the page\.$/)
    expect(pandocView(path).links).toContain(`${URL}#page=4`)
    expect(pythonDocxLinks(path)).toContainEqual({ text: 'Go to the page', url: `${URL}#page=4` })
  })
})

describe('a PDF claim whose anchor holds its page links to that page, switched on and off like the other additions', () => {
  let fixture: BriefFixture
  let dir: string
  // An address with a space and an accented letter: the link must hold it percent-encoded, as Word, LibreOffice and pandoc open it.
  const RAW = 'https://example.org/rapports/santé primaire.pdf?édition=2 mai'
  const ENCODED = 'https://example.org/rapports/sant%C3%A9%20primaire.pdf?%C3%A9dition=2%20mai'
  beforeAll(async () => {
    fixture = await createBriefFixture()
    dir = mkdtempSync(join(tmpdir(), 'evident-page-link-placed-'))
    const db = fixture.session.db
    const id = fixture.claims.report.sourceId
    const source = db.prepare('SELECT csl FROM sources WHERE id = ?').get(id) as { csl: string }
    db.prepare('UPDATE sources SET csl = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(source.csl), URL: RAW }), id)
    // The report's pages are labelled iii, iv: by label alone it gets no page link. Its claim was made on the 9th page of the file.
    const claim = db.prepare('SELECT anchor FROM claims WHERE id = ?').get(fixture.claims.report.id) as { anchor: string }
    db.prepare('UPDATE claims SET anchor = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(claim.anchor), pdf: { page: 9, rects: [[72, 500, 300, 512]] } }), fixture.claims.report.id)
  })
  afterAll(() => {
    fixture.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  async function exported(name: string, pageLinks?: boolean) {
    const path = join(dir, name)
    await exportBriefToDocx(
      { db: fixture.session.db, resourcesDir: RESOURCES_DIR, projectPath: fixture.session.path },
      { briefId: fixture.briefId, outPath: path, style: 'harvard', notes: 'footnotes', includeQuotes: true, ...(pageLinks === undefined ? {} : { pageLinks }) },
    )
    return path
  }

  it('links “Go to the page” to URL#page=9 (the page’s place in the file, not its label), percent-encoded, as python-docx, pandoc and the package XML read it', async () => {
    const path = await exported('placed.docx')
    const parts = await readDocx(path)
    expect(parts.externalLinks).toContain(`${ENCODED}#page=9`)
    const note = noteTexts(parts.footnotes, 'footnote').find((t) => t.includes('limited and mixed'))
    expect(note).toMatch(/Go to the page\.$/)
    expect(pythonDocxLinks(path)).toContainEqual({ text: 'Go to the page', url: `${ENCODED}#page=9` })
    expect(pandocView(path).links).toContain(`${ENCODED}#page=9`)
    // The web sources keep their quotes linked to the quoted words (text fragments) beside it.
    expect(parts.externalLinks.some((l) => l.includes('#:~:text='))).toBe(true)
  })

  it('switched off for one export, the note has no page link and the quoted-words links stay', async () => {
    const parts = await readDocx(await exported('off.docx', false))
    expect(parts.externalLinks.some((l) => l.includes('#page='))).toBe(false)
    expect(noteTexts(parts.footnotes, 'footnote').join(' ')).not.toContain('Go to the page')
    expect(parts.externalLinks.some((l) => l.includes('#:~:text='))).toBe(true)
  })
})
