import { execFileSync } from 'node:child_process'

export interface DocxFigures {
  pictures: { descr: string | null; name: string; widthEmu: number; heightEmu: number; contentType: string }[]
  captions: { style: string; text: string; fields: string[] }[]
}

/** python-docx reads a .docx back: each inline picture's docPr, extent and part, and each Caption paragraph. */
export function readDocxFigures(path: string): DocxFigures {
  const script = `
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
pictures = []
for shape in d.inline_shapes:
    inline = shape._inline
    pr = inline.find(qn("wp:docPr"))
    blip = inline.find(".//" + qn("a:blip"))
    part = d.part.related_parts[blip.get(qn("r:embed"))]
    pictures.append({"descr": pr.get("descr"), "name": pr.get("name"), "widthEmu": shape.width, "heightEmu": shape.height, "contentType": part.content_type})
captions = []
for p in d.paragraphs:
    if p.style.name.lower() == "caption":
        fields = [f.get(qn("w:instr")) for f in p._p.iter(qn("w:fldSimple"))]
        text = "".join(t.text or "" for t in p._p.iter(qn("w:t")))
        captions.append({"style": p.style.style_id, "text": text, "fields": fields})
print(json.dumps({"pictures": pictures, "captions": captions}))`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as DocxFigures
}
