import { Bookmark, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild } from 'docx'
import { CITED_WITHOUT_QUOTE, type Stance } from '../../../shared/dto/claims'
import { linkRuns } from '../links'
import type { PreparedCitation, PreparedReference } from '../prepare'
import { hyperlink, segmentChildren, WHOLE_WORK_TEXT } from './runs'
import { STYLE } from './styles'

/** The style's reference list; each entry is a bookmark that in-text citations link to. */
export function referenceParagraphs(references: PreparedReference[]): Paragraph[] {
  return references.map(
    (ref) =>
      new Paragraph({
        style: STYLE.bibliography,
        // A reference split over two pages, with footnotes between its halves, is hard to read and to copy.
        keepLines: true,
        children: [new Bookmark({ id: ref.bookmark, children: segmentChildren(linkRuns(ref.runs, ref.links)) })],
      }),
  )
}

export function referencesSection(references: PreparedReference[]): FileChild[] {
  if (!references.length) return []
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun('References')] }), ...referenceParagraphs(references)]
}

export interface AppendixRow {
  citation: PreparedCitation
  statement: string
  stance: Stance | null
}

const STANCE_TEXT: Record<Stance, string> = { supports: 'Supports', opposes: 'Opposes', mixed: 'Mixed', neutral: 'Neutral' }

function cell(children: ParagraphChild[], header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ spacing: { after: 0 }, children })],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
  })
}

function small(text: string, bold = false): TextRun {
  return new TextRun({ text, size: 18, ...(bold ? { bold: true } : {}) })
}

/**
 * The Evidence appendix: one row per cited claim, so a reviewer can check every citation without opening
 * anything else. The location links to the quoted words where the original is on the web.
 */
export function appendixSection(rows: AppendixRow[], question: string | null): FileChild[] {
  const intro = question
    ? `Every claim this brief cites, with its verbatim quote and its stance toward the question “${question}”.`
    : 'Every claim this brief cites, with its verbatim quote and where to find it.'
  const whole = rows.filter((r) => r.citation.wholeWork).length
  const wholeNote = whole ? ` ${whole === 1 ? 'One claim cites its source' : `${whole} claims cite their sources`} as a whole work: “${CITED_WITHOUT_QUOTE.toLowerCase()}”.` : ''
  const header = new TableRow({
    tableHeader: true,
    children: ['Claim', 'Verbatim quote', 'Source', 'Location', 'Stance'].map((h) => cell([small(h, true)], true)),
  })
  const body = rows.map(({ citation: c, statement, stance }) => {
    const to = c.fragmentUrl ?? c.pageUrl
    const location: ParagraphChild[] = to ? [hyperlink(to, c.pinpoint || 'Open', { size: 18 })] : [small(c.pinpoint || '—')]
    const quote = `${c.wholeWork ? WHOLE_WORK_TEXT : `“${c.quote}”`}${c.mark ? ` ${c.mark}` : ''}`
    return new TableRow({
      cantSplit: true,
      children: [
        cell([small(statement)]),
        cell([new TextRun({ text: quote, size: 18, italics: !c.wholeWork })]),
        cell([small(c.attribution)]),
        cell(location),
        cell([small(stance ? STANCE_TEXT[stance] : 'Not rated')]),
      ],
    })
  })
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Evidence appendix')] }),
    new Paragraph({ children: [new TextRun(intro + wholeNote)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [2300, 2900, 1600, 1250, 1250],
      rows: [header, ...body],
    }),
  ]
}
