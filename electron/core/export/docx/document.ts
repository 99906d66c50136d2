import { AlignmentType, Document, Footer, Header, HeadingLevel, NumberFormat, Packer, PageNumber, Paragraph, TableOfContents, TextRun, type FileChild, type PageNumberEstimator } from 'docx'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import type { CommentThread } from '../../../shared/dto/comments'
import { stripXmlForbiddenDeep } from '../../../shared/xml-chars'
import type { PreparedCitations } from '../prepare'
import { blocks } from './blocks'
import { markCounts, WordComments } from './comments'
import { ClusterCursor, type CitationOptions } from './citations'
import { appendixSection, referenceParagraphs, referencesSection, type AppendixRow } from './references'
import { documentStyles, numbering, STYLE } from './styles'
import type { FigureLookup } from './figures'
import { HouseLayout } from './house-layout'
import type { BriefLayout } from '../../../shared/dto/brief-layout'

export interface DocumentModel {
  title: string
  root: SerializedLexicalNode
  prepared: PreparedCitations
  options: CitationOptions
  /** The analyst's name from Settings: the document's author and last editor (left out when not set). */
  author: string
  /** BCP 47 tag the document declares (docDefaults w:lang). */
  language: string
  /** The brief's house layout: numbered paragraphs, the key-messages box. */
  layout: Pick<BriefLayout, 'numberedParagraphs' | 'keyMessagesBox'>
  /** Present when the analyst asked for the Evidence appendix. */
  appendix?: { rows: AppendixRow[]; question: string | null }
  /** The pictures of the brief's figures (a function, so the bytes are not walked by the model's character strip). */
  figures?: FigureLookup
  /** Present when the analyst asked for comments: the brief's threads (only open, anchored ones are written). */
  comments?: readonly CommentThread[]
  /** A table of contents after the title. */
  tableOfContents?: boolean
}

/**
 * Word's own table of contents: a TOC field over Heading 1–3 (the brief's h2–h4; its h1 is the Title), filled in
 * with an entry per heading linked to it and a page number worked out as the document is written, so LibreOffice,
 * pandoc and a Word that does not update fields show it as it is. It is written dirty, so Word brings the page
 * numbers up to date when it opens the file (after asking), and Update Table works on it as on Word's own.
 */
function tableOfContents(): FileChild[] {
  return [
    // Word's TOC Heading: looks like Heading 1 and, at body-text outline level, is not an entry of its own table.
    new Paragraph({ style: STYLE.tocHeading, children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', beginDirty: true }),
  ]
}

function header(title: string): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 18, color: '595959' })] })],
  })
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, color: '595959', children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
}

function body(model: DocumentModel, comments: WordComments): FileChild[] {
  let referencesPlaced = false
  let listInstance = 0
  let figureNumber = 0
  const root = model.root.children ?? []
  const children = blocks(root, {
    cursor: new ClusterCursor(model.prepared.clusters),
    options: model.options,
    placement: model.prepared.placement,
    punctuationInQuote: model.prepared.punctuationInQuote,
    references: () => {
      // A second placeholder would print the list twice; the first one wins.
      if (referencesPlaced) return []
      referencesPlaced = true
      return referenceParagraphs(model.prepared.references)
    },
    nextListInstance: () => ++listInstance,
    figures: { picture: model.figures ?? (() => null), next: () => ++figureNumber },
    house: new HouseLayout(model.layout),
    comments,
  })
  // A brief without an h1 still gets its title on page one.
  if (!root.some((n) => n.type === 'heading' && n.tag === 'h1')) {
    children.unshift(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }))
  }
  // After the title, before the first section.
  if (model.tableOfContents) children.splice(1, 0, ...tableOfContents())
  if (!referencesPlaced) children.push(...referencesSection(model.prepared.references))
  if (model.appendix?.rows.length) children.push(...appendixSection(model.appendix.rows, model.appendix.question))
  // Word prints endnotes after the document's last paragraph; a heading there tells the reader what they are.
  if (model.options.notes === 'endnotes' && model.prepared.clusters.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Notes')] }))
  }
  return children
}

export function buildDocument(model: DocumentModel, pageNumbers?: PageNumberEstimator): Document {
  // A comment written before the analyst set a name takes the name in Settings; Word needs some author.
  const comments = new WordComments(model.comments ?? [], model.comments?.length ? markCounts(model.root) : new Map(), model.author || 'Author')
  const children = body(model, comments)
  const commentsPart = comments.part()
  return new Document({
    title: model.title,
    // Empty leaves dc:creator and cp:lastModifiedBy out; Word then puts its own user's name there on saving.
    creator: model.author,
    lastModifiedBy: model.author,
    description: 'Policy brief exported by Evident, with citations back to the exact words of its sources.',
    styles: documentStyles(model.language),
    numbering,
    ...(commentsPart ? { comments: commentsPart } : {}),
    ...(pageNumbers ? { pageNumbers } : {}),
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1247, right: 1247 } },
          // Word's default for endnotes is i, ii, iii; readers of a brief expect 1, 2, 3 as in footnotes.
          endnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
        },
        headers: { default: header(model.title) },
        footers: { default: footer() },
        children,
      },
    ],
  })
}

/**
 * Every text the package will carry (body, notes, link targets, reference list, appendix, core properties)
 * comes from the model, so stripping the model's strings once keeps a stray U+FFFE in an old quote or a
 * typed record from making document.xml ill-formed, whatever part of the file it would have landed in.
 */
export async function packDocument(model: DocumentModel): Promise<Buffer> {
  // Only a table of contents needs the page estimate: laying the document out costs time, and loading docx's
  // layout module costs every export 15–30 ms of start-up, so it is loaded when asked for.
  const pageNumbers = model.tableOfContents ? (await import('docx/layout')).estimatePageNumbers : undefined
  return Packer.toBuffer(buildDocument(stripXmlForbiddenDeep(model), pageNumbers))
}
