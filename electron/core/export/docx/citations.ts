import { EndnoteReferenceRun, FootnoteReferenceRun, InternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { NoteMode } from '../../../shared/dto/briefs'
import { AppError } from '../../errors'
import { linkRuns } from '../links'
import type { PreparedCluster } from '../prepare'
import { externalLink, hyperlink, markRun, quoteRun, segmentChildren, styledRun } from './runs'
import { STYLE } from './styles'

export interface CitationOptions {
  notes: NoteMode
  includeQuotes: boolean
  /** The paragraph or page pinpoint Evident adds where the style printed none. */
  pinpoints: boolean
  /** "Go to the quoted words": the quote (or those words) linked to the original, opened at the quote. */
  quoteLinks: boolean
  /** "Go to the page": a PDF original with an address, opened at the quote's page. */
  pageLinks: boolean
}

/**
 * Hands out the prepared clusters in the order the writer meets them. Both walk the brief depth-first and
 * group through the one clustering (shared/citation-clusters.ts); the claim id check turns any drift into a
 * clear failure, never a footnote pointing at the wrong source.
 */
export class ClusterCursor {
  private index = 0

  constructor(private readonly clusters: PreparedCluster[]) {}

  next(claimIds: string[]): PreparedCluster {
    const cluster = this.clusters[this.index++]
    if (!cluster || cluster.claimIds.length !== claimIds.length || cluster.claimIds.some((id, i) => id !== claimIds[i])) {
      throw new AppError('INTERNAL', 'The brief changed while it was being exported. Export it again.')
    }
    return cluster
  }
}

/**
 * What Evident adds after the style's note, claim by claim: the pinpoint the style did not print, the quote
 * (linked to the quoted words where the original is on the web), or just the way back. In a note for several
 * works each addition starts with the work it belongs to.
 */
function additions(cluster: PreparedCluster, options: CitationOptions): ParagraphChild[] {
  const named = cluster.members.length > 1
  const children: ParagraphChild[] = []
  let first = true
  for (const m of cluster.members) {
    const pinpoint = options.pinpoints && cluster.notePinpoint ? m.pinpoint : ''
    const quote = options.includeQuotes && m.quote ? m.quote : ''
    const link = options.quoteLinks ? m.fragmentUrl : undefined
    const page = options.pageLinks ? m.pageUrl : undefined
    if (!pinpoint && !quote && !link && !page && !m.mark) continue
    const lead = [named ? m.attribution || m.sourceLabel : '', pinpoint].filter(Boolean).join(', ')
    children.push(new TextRun(first ? ' ' : '; '))
    first = false
    if (m.mark) children.push(new TextRun({ text: `${m.mark} `, bold: true, color: 'C00000' }))
    if (lead) children.push(new TextRun(lead + (quote || link || page ? (named ? ': ' : '. ') : '')))
    if (quote) children.push(link ? externalLink(link, [quoteRun(m, { style: 'Hyperlink' })]) : quoteRun(m))
    else if (link) children.push(hyperlink(link, 'Go to the quoted words'))
    // A PDF's page, beside the quoted words: viewers open URL#page=N at that page.
    if (page) children.push(...(quote || link ? [new TextRun(' ')] : []), hyperlink(page, 'Go to the page'))
  }
  if (!first) children.push(new TextRun('.'))
  return children
}

/** What one footnote or endnote says: the style's citation for the cluster (only the addresses it prints linked), then Evident's additions. */
function noteParagraphs(cluster: PreparedCluster, options: CitationOptions): Paragraph[] {
  // Word puts a space between a note's number and its text; so do we.
  const children: ParagraphChild[] = [new TextRun(' ')]
  children.push(...segmentChildren(linkRuns(cluster.text, cluster.links)))
  children.push(...additions(cluster, options))
  // In Word's own Footnote Text / Endnote Text, so a house template that restyles them restyles every note.
  const style = options.notes === 'endnotes' ? STYLE.endnoteText : STYLE.footnoteText
  return [new Paragraph({ style, keepLines: true, children })]
}

/**
 * The cluster as it stands in the text: one Word footnote or endnote reference (Word numbers them), or the
 * style's in-text label linked to the reference list entry of its first work.
 */
export function clusterChildren(cluster: PreparedCluster, options: CitationOptions, precededBySpace: boolean): ParagraphChild[] {
  const children: ParagraphChild[] = []
  if (options.notes === 'footnotes') children.push(new FootnoteReferenceRun({ children: noteParagraphs(cluster, options) }))
  else if (options.notes === 'endnotes') children.push(new EndnoteReferenceRun({ children: noteParagraphs(cluster, options) }))
  else {
    if (!precededBySpace) children.push(new TextRun(' '))
    const label = cluster.text.map((run) => styledRun(run))
    const bookmark = cluster.members.find((m) => m.bookmark)?.bookmark
    if (bookmark) children.push(new InternalHyperlink({ anchor: bookmark, children: label }))
    else children.push(...label)
  }
  for (const m of cluster.members) if (m.mark) children.push(markRun(m.mark))
  return children
}
