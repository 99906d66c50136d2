import { execFileSync } from 'node:child_process'

/** One body paragraph of a .docx as python-docx reads it, with what a house layout adds to it. */
export interface DocxParagraph {
  text: string
  style: string
  /** The list numbering the paragraph takes part in (w:numPr), as the abstract definition's level text says it. */
  numbering: { numId: string; ilvl: number; lvlText: string } | null
  /** w:shd's fill, and whether w:pBdr draws all four sides. */
  fill: string | null
  boxed: boolean
}

const SCRIPT = `
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
numbering = d.part.numbering_part.element
abstract_of = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val")) for n in numbering.findall(qn("w:num"))}
def lvl_text(num_id, ilvl):
    for a in numbering.findall(qn("w:abstractNum")):
        if a.get(qn("w:abstractNumId")) == abstract_of.get(num_id):
            for l in a.findall(qn("w:lvl")):
                if l.get(qn("w:ilvl")) == str(ilvl):
                    return l.find(qn("w:lvlText")).get(qn("w:val"))
    return None
out = []
for p in d.paragraphs:
    ppr = p._p.pPr
    num = ppr.find(qn("w:numPr")) if ppr is not None else None
    numbering_info = None
    if num is not None:
        num_id = num.find(qn("w:numId")).get(qn("w:val"))
        ilvl = int(num.find(qn("w:ilvl")).get(qn("w:val")))
        numbering_info = {"numId": num_id, "ilvl": ilvl, "lvlText": lvl_text(num_id, ilvl)}
    shd = ppr.find(qn("w:shd")) if ppr is not None else None
    bdr = ppr.find(qn("w:pBdr")) if ppr is not None else None
    boxed = bdr is not None and all(bdr.find(qn("w:" + side)) is not None for side in ("top", "left", "bottom", "right"))
    out.append({"text": p.text, "style": p.style.name, "numbering": numbering_info, "fill": shd.get(qn("w:fill")) if shd is not None else None, "boxed": boxed})
print(json.dumps(out))`

/** Reads every body paragraph of the .docx with python-docx (/usr/bin/python3), numbering resolved through numbering.xml. */
export function readDocxParagraphs(path: string): DocxParagraph[] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', SCRIPT, path], { encoding: 'utf8' })) as DocxParagraph[]
}
