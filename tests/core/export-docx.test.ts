import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBriefToDocx, type ExportContext } from '../../electron/core/export/export-docx'
import type { NoteMode } from '@shared/dto/briefs'
import type { ExportResult } from '@shared/dto/citations'
import { BRIEF_TITLE, createBriefFixture, RESOURCES_DIR, SECTION_HEADINGS, SUB_HEADINGS, type BriefFixture } from '../fixtures/brief-fixture'
import { noteTexts, pandocView, paragraphStyles, plain, readDocx, squash, type DocxParts } from '../fixtures/docx-inspect'

const STYLES = ['vancouver', 'harvard', 'apa'] as const
const MODES: NoteMode[] = ['footnotes', 'endnotes', 'none']

describe('exporting the brief to Word', () => {
  let fixture: BriefFixture
  let ctx: ExportContext
  let out: string
  const results = new Map<string, { result: ExportResult; path: string; parts: DocxParts }>()

  beforeAll(async () => {
    fixture = await createBriefFixture()
    ctx = { db: fixture.session.db, resourcesDir: RESOURCES_DIR, projectPath: fixture.session.path }
    out = mkdtempSync(join(tmpdir(), 'evident-docx-'))
    for (const style of STYLES) {
      for (const notes of MODES) {
        const path = join(out, `${style}-${notes}.docx`)
        const result = await exportBriefToDocx(ctx, { briefId: fixture.briefId, outPath: path, style, notes, includeQuotes: true, appendix: true })
        results.set(`${style}/${notes}`, { result, path, parts: await readDocx(path) })
      }
    }
  })
  afterAll(() => {
    fixture.cleanup()
    rmSync(out, { recursive: true, force: true })
  })

  const combos = STYLES.flatMap((style) => MODES.map((notes) => [style, notes] as const))

  it.each(combos)('%s with %s: Word’s built-in styles, title in the header, page numbers in the footer', (style, notes) => {
    const { parts, result } = results.get(`${style}/${notes}`)!
    expect(result.citations).toBe(fixture.citationCount)
    expect(result.report.ok).toBe(true)
    const used = paragraphStyles(parts.document)
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'ListBullet', 'ListNumber']) expect(used).toContain(id)
    // The styles exist under Word's own names, which is what the navigation pane and templates match.
    for (const name of ['Title', 'Heading 1', 'Heading 2', 'Heading 3', 'Quote', 'List Bullet', 'List Number']) expect(parts.styles).toContain(`<w:name w:val="${name}"/>`)
    expect(plain(parts.headers)).toContain(BRIEF_TITLE)
    expect(parts.footers).toMatch(/PAGE/)
  })

  it.each(combos)('%s with %s: one Word note per citation cluster (or an in-text label linked to its first reference)', (style, notes) => {
    const { parts } = results.get(`${style}/${notes}`)!
    const footnotes = noteTexts(parts.footnotes, 'footnote')
    const endnotes = noteTexts(parts.endnotes, 'endnote')
    expect(footnotes).toHaveLength(notes === 'footnotes' ? fixture.clusterCount : 0)
    expect(endnotes).toHaveLength(notes === 'endnotes' ? fixture.clusterCount : 0)
    const bookmarks = [...parts.document.matchAll(/<w:bookmarkStart w:name="(ref_\d+)"/g)].map((m) => m[1])
    expect(bookmarks).toHaveLength(6) // six sources cited (two claims share one), one reference entry each
    const internalLinks = [...parts.document.matchAll(/<w:hyperlink [^>]*w:anchor="(ref_\d+)"/g)].map((m) => m[1])
    if (notes === 'none') {
      expect(internalLinks).toHaveLength(fixture.clusterCount)
      for (const link of internalLinks) expect(bookmarks).toContain(link)
    } else {
      expect(internalLinks).toHaveLength(0)
      // Each note: the style's citation (the number, in Vancouver), then the pinpoint the style did not print and the verbatim quote.
      const texts = notes === 'footnotes' ? footnotes : endnotes
      const drage = style === 'vancouver' ? texts.find((t) => t.includes('Hospitals want to create')) : texts.find((t) => t.includes('Drage'))
      expect(drage).toMatch(style === 'vancouver' ? /^\(5\) para\.\u00a0\d+\. “Hospitals want to create a model of care/ : /^\(Drage, 2015, para\. \d+\)\. “Hospitals want to create a model of care/)
      expect(texts.find((t) => t.includes(style === 'vancouver' ? 'p.\u00a0iv' : 'Baird'))).toContain(style === 'vancouver' ? '(6) p.\u00a0iv.' : 'p. iv')
    }
  })

  it('numbers Vancouver citations by first appearance, reusing a number for a repeated source', () => {
    const { parts } = results.get('vancouver/none')!
    const labels = [...parts.document.matchAll(/<w:hyperlink [^>]*w:anchor="ref_\d+"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => plain(m[1]!))
    expect(labels).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(1)', '(6)', '(2)', '(3,6)'])
  })

  it('writes side-by-side citations as one cluster in the style’s way, before the full stop in text and as one note mark after it', () => {
    const paragraph = (parts: DocxParts) => plain(/<w:p>(?:(?!<w:p>)[\s\S])*?Pilot federations first[\s\S]*?<\/w:p>/.exec(parts.document)![0])
    expect(paragraph(results.get('vancouver/none')!.parts)).toBe('Pilot federations first; evaluate before any transfer to trusts (3,6).')
    expect(paragraph(results.get('harvard/none')!.parts)).toMatch(/trusts \(Jones, 2014, para\. \d+; Baird, 2019, p\. iv\)\.$/)
    expect(paragraph(results.get('apa/footnotes')!.parts)).toBe('Pilot federations first; evaluate before any transfer to trusts.')
    expect(noteTexts(results.get('apa/footnotes')!.parts.footnotes, 'footnote').at(-1)).toMatch(/^\(Baird, 2019, p\. iv; Jones, 2014, para\. \d+\)\./) // APA sorts a cluster by author
  })

  it('links every reference back to its original: DOI, URL, and text fragments to the quoted words of web sources', () => {
    const { parts, path } = results.get('harvard/footnotes')!
    expect(parts.externalLinks).toContain('https://doi.org/10.1136/bmj.g6055')
    expect(parts.externalLinks).toContain('https://ockham.healthcare/?p=11256')
    expect(parts.externalLinks).toContain(
      'https://www.pulsetoday.co.uk/views/referrals/gps-risk-being-devoured-by-hospital-trusts/#:~:text=Hospitals%20want%20to%20create,would%20leave%20GPs%20disenfranchised',
    )
    expect(parts.externalLinks).toContain('https://www.england.nhs.uk/five-year-forward-view/')
    // The brief's javascript: link keeps its words and loses its target.
    expect(parts.externalLinks.some((l) => l.startsWith('javascript'))).toBe(false)
    expect(plain(parts.document)).toContain('this unsafe link')
    // pandoc, reading the .docx on its own, sees the same notes and every hyperlink.
    const view = pandocView(path)
    expect(view.notes).toBe(fixture.clusterCount)
    expect(new Set(view.links)).toEqual(new Set(parts.externalLinks))
  })

  it.each(MODES)('pandoc counts as many notes as citations with %s', (notes) => {
    const { path, parts } = results.get(`apa/${notes}`)!
    const view = pandocView(path)
    expect(view.notes).toBe(notes === 'none' ? 0 : fixture.clusterCount)
    for (const link of parts.externalLinks) expect(view.links).toContain(link)
    if (notes === 'none') expect(view.links.filter((l) => l.startsWith('#ref_'))).toHaveLength(fixture.clusterCount)
  })

  it('mammoth reads the document back, headings, footnotes and all', async () => {
    const { path } = results.get('vancouver/footnotes')!
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(path) })
    for (const heading of SECTION_HEADINGS) expect(html).toContain(`<h1>${heading}</h1>`)
    for (const heading of SUB_HEADINGS) expect(html).toMatch(new RegExp(`<h[23]>${heading}</h[23]>`))
    expect(html.match(/<li id="footnote-\d+">/g)).toHaveLength(fixture.clusterCount)
    expect(html).toContain('Evidence appendix')
  })

  it('LibreOffice renders it: the PDF holds the title, every heading, every footnote and the references', { timeout: 120_000 }, async () => {
    const { path, parts } = results.get('vancouver/footnotes')!
    const profile = `file:///tmp/lo-${process.pid}-${Date.now()}`
    try {
      execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path], { timeout: 110_000, stdio: 'pipe' })
    } finally {
      rmSync(profile.slice('file://'.length), { recursive: true, force: true })
    }
    const text = squash(execFileSync('pdftotext', ['-layout', path.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' }))
    for (const heading of [BRIEF_TITLE, ...SECTION_HEADINGS, ...SUB_HEADINGS]) expect(text).toContain(squash(heading))
    const footnotes = noteTexts(parts.footnotes, 'footnote')
    expect(footnotes).toHaveLength(fixture.clusterCount)
    for (const note of footnotes) expect(text).toContain(squash(note))
    const references = [...parts.document.matchAll(/<w:pStyle w:val="Bibliography"\/>[\s\S]*?<\/w:p>/g)].map((m) => plain(m[0]))
    expect(references).toHaveLength(6)
    for (const reference of references) expect(text).toContain(squash(reference))
  })

  it('a brief with no citations exports fine: no notes, no references, and the report says so', async () => {
    const empty = await createBriefFixture({ withCitations: false })
    try {
      const path = join(out, 'no-citations.docx')
      const result = await exportBriefToDocx(
        { db: empty.session.db, resourcesDir: RESOURCES_DIR, projectPath: empty.session.path },
        { briefId: empty.briefId, outPath: path, notes: 'footnotes', appendix: true },
      )
      expect(result).toMatchObject({ citations: 0, report: { ok: true, citationCount: 0, items: [] } })
      const parts = await readDocx(path)
      expect(noteTexts(parts.footnotes, 'footnote')).toHaveLength(0)
      expect(parts.document).not.toContain('w:bookmarkStart w:name="ref_')
      expect(plain(parts.document)).not.toContain('Evidence appendix')
      expect(plain(parts.document)).toContain('Pilot federations first')
    } finally {
      empty.cleanup()
    }
  })
})
