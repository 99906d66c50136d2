import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BriefSummary } from '@shared/dto/briefs'
import { readDocx } from '../fixtures/docx-inspect'
import { createExportFixture } from '../fixtures/export-fixture'
import { useCoreOnProject } from '../helpers/core-on-project'

const PYTHON_TOC = `
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
styles = {s.style_id: s.name for s in d.styles}
# The entries stand in Word's table-of-contents content control, where document.paragraphs does not look.
for p in d.element.body.iter(qn('w:p')):
    style = p.find(qn('w:pPr') + '/' + qn('w:pStyle'))
    sid = style.get(qn('w:val')) if style is not None else ''
    if sid.startswith('TOC') and sid != 'TOCHeading':
        print(styles.get(sid, '(undefined ' + sid + ')') + '|' + ''.join(t.text or '' for t in p.iter(qn('w:t'))))
`

/** An optional table of contents: a real Word TOC field over the brief's headings, filled in, remembered per brief. */
describe('a table of contents in the exported brief', () => {
  const on = useCoreOnProject(() => createExportFixture('evident-toc-'))
  const call = on.call
  const target = (name: string) => on.core().files.forWriting({ path: join(on.fixture().out, name), name, overwrite: false }).handle
  const exportAs = async (name: string, args: Record<string, unknown> = {}) => {
    await call('export.docx', { briefId: on.fixture().briefId, target: target(name), ...args })
    return join(on.fixture().out, name)
  }

  it('is off by default; switched on and remembered, the document opens with a TOC field filled in with every heading', async () => {
    const plain = await readDocx(await exportAs('plain.docx'))
    expect(plain.document).not.toContain('TOC \\h')
    const saved = (await call('briefs.update', { id: on.fixture().briefId, additions: { tableOfContents: true } })) as BriefSummary
    expect(saved.additions.tableOfContents).toBe(true)

    const path = await exportAs('contents.docx')
    const { document } = await readDocx(path)
    // A field Word can update (Update Table), inside Word's table-of-contents gallery, marked for updating on open.
    expect(document).toMatch(/<w:docPartGallery w:val="Table of Contents"\/>/)
    expect(document).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/)
    // Each heading's entry links to a bookmark on that heading, with a page number.
    const anchors = [...document.matchAll(/<w:hyperlink w:history="1" w:anchor="(_Toc\d+)">/g)].map((m) => m[1]!)
    expect(anchors.length).toBeGreaterThan(3)
    for (const anchor of anchors) expect(document).toMatch(new RegExp(`<w:bookmarkStart w:name="${anchor}" w:id="\\d+"/>`))
    expect(document).toMatch(/PAGEREF _Toc\d+ \\h/)

    // python-docx reads the entries in Word's TOC styles; pandoc shows them before the first section.
    const entries = execFileSync('/usr/bin/python3', ['-c', PYTHON_TOC, path], { encoding: 'utf8' }).trim().split('\n')
    // The fixture brief's h2, h3 and h4 headings.
    const headings = ['Key messages', 'Background', 'The problem', 'Option 1: hospital trusts run practices', 'Risks', 'Option 2: GP federations', 'Recommendations']
    for (const heading of headings) expect(entries.some((e) => e.includes(heading)), heading).toBe(true)
    expect(entries.some((e) => /Contents/.test(e))).toBe(false)
    // In Word's own TOC 1–3 styles, defined in the package, each ending in its page number.
    expect(entries.every((e) => /^toc [123]\|.+\d+$/i.test(e)), entries.join('\n')).toBe(true)
    const text = execFileSync('pandoc', [path, '-t', 'plain', '--wrap=none'], { encoding: 'utf8' })
    const first = headings[0]!
    expect(text.indexOf(first)).toBeLessThan(text.lastIndexOf(first))
  })

  it('one export can leave it out (or ask for it) without changing what the brief remembers; a wrong value is refused', async () => {
    const { document } = await readDocx(await exportAs('once.docx', { tableOfContents: false }))
    expect(document).not.toContain('TOC \\h')
    const brief = ((await call('briefs.list', {})) as BriefSummary[]).find((b) => b.id === on.fixture().briefId)!
    expect(brief.additions.tableOfContents).toBe(true)
    await expect(call('briefs.update', { id: on.fixture().briefId, additions: { tableOfContents: 'yes' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(call('export.docx', { briefId: on.fixture().briefId, target: target('bad.docx'), tableOfContents: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
