import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { paragraph, text } from '../../electron/core/briefs/nodes'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { COMMENTS_KEY } from '@shared/dto/comments'
import { mark, thread } from '../helpers/commented-brief'
import { editBrief, useExportFixture } from '../helpers/export-fixture'

interface WordComment {
  id: string
  author: string
  initials: string
  text: string
  /** The w:id of the comment this one answers (read through commentsExtended's paraIdParent), or null. */
  parent: string | null
  /** The body text between its commentRangeStart and commentRangeEnd. */
  range: string
  referenced: boolean
}

/** The package XML read back with Python's zipfile and ElementTree: each comment, its thread and its words. */
function readComments(path: string): WordComment[] {
  const script = `
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
if "word/comments.xml" not in names:
    print("[]"); sys.exit()
comments = ET.fromstring(z.read("word/comments.xml"))
para_of, out = {}, []
for c in comments.iter(W + "comment"):
    # Word keys a comment's thread entry by the paraId of its last paragraph.
    last = c.findall(W + "p")[-1]
    para_of[last.get(W14 + "paraId")] = c.get(W + "id")
    out.append({"id": c.get(W + "id"), "author": c.get(W + "author"), "initials": c.get(W + "initials"),
                "text": "\\n".join("".join(t.text or "" for t in q.iter(W + "t")) for q in c.iter(W + "p")), "parent": None, "range": "", "referenced": False})
if "word/commentsExtended.xml" in names:
    ext = ET.fromstring(z.read("word/commentsExtended.xml"))
    for e in ext.iter(W15 + "commentEx"):
        parent = e.get(W15 + "paraIdParent")
        if parent:
            me = para_of.get(e.get(W15 + "paraId"))
            for c in out:
                if c["id"] == me: c["parent"] = para_of.get(parent)
doc = ET.fromstring(z.read("word/document.xml"))
open_ids, ranges, refs = set(), {}, set()
for el in doc.iter():
    if el.tag == W + "commentRangeStart": open_ids.add(el.get(W + "id"))
    elif el.tag == W + "commentRangeEnd": open_ids.discard(el.get(W + "id"))
    elif el.tag == W + "commentReference": refs.add(el.get(W + "id"))
    elif el.tag == W + "t":
        for i in open_ids: ranges[i] = ranges.get(i, "") + (el.text or "")
    elif el.tag == W + "p":
        for i in open_ids: ranges[i] = ranges.get(i, "") + ("\\n" if ranges.get(i) else "")
for c in out:
    c["range"] = ranges.get(c["id"], "").strip()
    c["referenced"] = c["id"] in refs
print(json.dumps(out))`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as WordComment[]
}

describe('comments exported as Word comments', () => {
  const exports = useExportFixture(
    'evident-comments-',
    (fixture) =>
      editBrief(fixture, (root) => {
        root.children!.splice(
          3,
          0,
          paragraph(text('Care is '), mark(['open'], 'fragmented and uneven'), text(' and '), mark(['settled'], 'under strain'), text('.')),
          paragraph(text('Funding follows '), mark(['long'], 'the hospital')),
          paragraph(mark(['long'], 'and not the practice'), text(' in most areas.')),
        )
        root.$ = {
          [COMMENTS_KEY]: [
            thread('open', 'fragmented and uneven', ['Ann Analyst', 'Which areas?'], ['Ben Reviewer', 'Wolverhampton,\nfor one.']),
            { ...thread('settled', 'under strain', ['Ann Analyst', 'Agreed.']), resolved: true },
            thread('long', 'the hospital and not the practice', ['', 'Source for this?']),
            thread('gone', 'words deleted since', ['Ann Analyst', 'Detached: nothing to anchor on.']),
          ],
        }
      }),
    { authorName: 'Ann Analyst', locale: 'en-GB' },
  )

  it('with Comments on, each open thread is a Word comment on the same words, its reply a Word reply, by the names in Settings', async () => {
    const path = exports.out('comments.docx')
    await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, style: 'harvard', notes: 'none', comments: true })
    const comments = readComments(path)
    expect(comments.map(({ author, text, range }) => ({ author, text, range }))).toEqual([
      { author: 'Ann Analyst', text: 'Which areas?', range: 'fragmented and uneven' },
      { author: 'Ben Reviewer', text: 'Wolverhampton,\nfor one.', range: 'fragmented and uneven' },
      // A comment written before a name was set takes the name in Settings now; a range may cross paragraphs.
      { author: 'Ann Analyst', text: 'Source for this?', range: 'the hospital\nand not the practice' },
    ])
    expect(comments[1]!.parent).toBe(comments[0]!.id)
    expect(comments[0]!.parent).toBeNull()
    expect(comments.map((c) => c.initials)).toEqual(['AA', 'BR', 'AA'])
    // Every comment, reply included, is referenced in the text, as Word writes them.
    expect(comments.every((c) => c.referenced)).toBe(true)
  })

  it('LibreOffice reads the comments and replies: its PDF export with comments carries each as a note by its author', () => {
    const path = exports.out('comments.docx')
    const profile = `/tmp/lo-comments-${process.pid}-${Date.now()}`
    try {
      const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
      execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', exports.dir(), path], { timeout: 110_000, stdio: 'pipe' })
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
    // The PDF's text annotations (qpdf's JSON of the objects): author and words of each comment.
    const objects = (JSON.parse(execFileSync('qpdf', ['--json', exports.out('comments.pdf')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf[1]
    const notes = Object.values(objects)
      .map((o) => o.value)
      .filter((v) => v?.['/Subtype'] === '/Text')
      .map((v) => `${String(v!['/T']).replace(/^u:/, '').split(',')[0]}: ${String(v!['/Contents']).replace(/^u:/, '')}`)
    // In the order of the PDF's objects, not the page's.
    expect(notes.sort()).toEqual(['Ann Analyst: Source for this?', 'Ann Analyst: Which areas?', 'Ben Reviewer: Wolverhampton,\nfor one.'])
  }, 120_000)

  it('with Comments off (the brief’s default), the document has no comments part and the words are plain', async () => {
    const path = exports.out('plain.docx')
    await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, style: 'harvard', notes: 'none' })
    expect(readComments(path)).toEqual([])
    const body = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', path], { encoding: 'utf8' })
    expect(body).toContain('Care is fragmented and uneven and under strain.')
  })
})
