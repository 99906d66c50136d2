import { EndnoteReferenceRun, FootnoteReferenceRun, InternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { NoteMode } from '../../../shared/dto/briefs'
import type { StyledRun } from '../../citations/runs'
import type { ClusterLayout } from '../../citations/styles'
import { AppError } from '../../errors'
import { linkRuns } from '../links'
import type { PreparedCitation } from '../prepare'
import { hyperlink, markRun, segmentChildren, styledRun } from './runs'

export interface CitationOptions {
  notes: NoteMode
  includeQuotes: boolean
  cluster?: ClusterLayout
}

/** Where a citation stands among citations written side by side with nothing between them. */
export interface Neighbours {
  precededBySpace: boolean
  afterCitation: boolean
  beforeCitation: boolean
}

/**
 * Side-by-side in-text labels become one cluster as the style writes it, "(Jones, 2014; Drage, 2015)" rather
 * than "(Jones, 2014) (Drage, 2015)", while each part still links to its own reference.
 */
function clusterPart(runs: StyledRun[], layout: ClusterLayout | undefined, n: Neighbours): StyledRun[] {
  if (!layout || !runs.length) return runs
  const out = runs.map((r) => ({ ...r }))
  const first = out[0]!
  const last = out[out.length - 1]!
  if (n.afterCitation && layout.prefix && first.text.startsWith(layout.prefix)) first.text = first.text.slice(layout.prefix.length)
  if (n.beforeCitation && layout.suffix && last.text.endsWith(layout.suffix)) last.text = last.text.slice(0, -layout.suffix.length)
  return out.filter((r) => r.text)
}

/**
 * Hands out the prepared citations in the order the writer meets citing nodes. Both walk the brief depth-first,
 * so the n-th node is the n-th citation; the claim id check turns any drift into a clear failure, never a
 * footnote pointing at the wrong source.
 */
export class CitationCursor {
  private index = 0

  constructor(private readonly citations: PreparedCitation[]) {}

  next(claimId: string): PreparedCitation {
    const citation = this.citations[this.index++]
    if (!citation || citation.claimId !== claimId) {
      throw new AppError('INTERNAL', 'The brief changed while it was being exported. Export it again.')
    }
    return citation
  }
}

/** What a footnote or endnote says: mark, reference (its DOI/URL linked), pinpoint, quote, and the way back. */
function noteParagraphs(c: PreparedCitation, options: CitationOptions): Paragraph[] {
  // Word puts a space between a note's number and its text; so do we.
  const children: ParagraphChild[] = [new TextRun(' ')]
  if (c.mark) children.push(new TextRun({ text: `${c.mark} `, bold: true, color: 'C00000' }))
  children.push(...segmentChildren(linkRuns(c.reference, c.links)))
  if (c.notePinpoint) children.push(new TextRun(` ${c.pinpoint}.`))
  if (options.includeQuotes && c.quote) {
    children.push(new TextRun(' '))
    // The quote itself becomes the link to the words in the original, where the original is on the web.
    children.push(c.fragmentUrl ? hyperlink(c.fragmentUrl, `“${c.quote}”`) : new TextRun(`“${c.quote}”`))
  } else if (c.fragmentUrl) {
    children.push(new TextRun(' '), hyperlink(c.fragmentUrl, 'Go to the quoted words.'))
  }
  return [new Paragraph({ keepLines: true, children })]
}

/**
 * The citation as it stands in the text: a Word footnote or endnote reference (Word numbers them), or the
 * style's in-text label linked to its entry in the reference list.
 */
export function citationChildren(c: PreparedCitation, options: CitationOptions, n: Neighbours): ParagraphChild[] {
  const children: ParagraphChild[] = []
  // Two note marks side by side read as one number ("¹²" looks like 12): separate them as Word users do.
  if (n.afterCitation && options.notes !== 'none') children.push(new TextRun({ text: ',', superScript: true }))
  if (options.notes === 'footnotes') children.push(new FootnoteReferenceRun({ children: noteParagraphs(c, options) }))
  else if (options.notes === 'endnotes') children.push(new EndnoteReferenceRun({ children: noteParagraphs(c, options) }))
  else {
    const joined = n.afterCitation && options.cluster
    if (joined) children.push(new TextRun(options.cluster!.delimiter || ' '))
    else if (!n.precededBySpace) children.push(new TextRun(' '))
    const label = clusterPart(c.label, options.cluster, n).map((run) => styledRun(run))
    if (c.bookmark) children.push(new InternalHyperlink({ anchor: c.bookmark, children: label }))
    else children.push(...label)
  }
  if (c.mark) children.push(markRun(c.mark))
  return children
}
