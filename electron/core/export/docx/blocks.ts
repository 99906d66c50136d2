import { AlignmentType, HeadingLevel, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import { plainText } from '../../briefs/nodes'
import { isSafeUrl } from '../links'
import type { CitationPlacement } from '../../../shared/citation-punctuation'
import type { PreparedCluster } from '../prepare'
import { clusterChildren, type ClusterCursor, type CitationOptions } from './citations'
import type { WordComments } from './comments'
import { arrangeInline } from './inline-clusters'
import { externalLink, quoteRun } from './runs'
import { BULLET_LIST, NUMBER_LIST, STYLE } from './styles'
import { wordTable } from './tables'
import { figureBlocks, type FigureLookup } from './figures'
import { BOX_LIST_INDENT, type BlockLayout, type HouseLayout } from './house-layout'

export interface BlockContext {
  cursor: ClusterCursor
  options: CitationOptions
  placement: CitationPlacement
  punctuationInQuote: boolean
  /** Called at the brief's References placeholder; the list is the style's, not the editor's. */
  references(): FileChild[]
  /** Each numbered list gets its own numbering instance so it starts again at 1. */
  nextListInstance(): number
  /** Figures' pictures, and their numbers in document order (a figure inside a table cell counts too). */
  figures: { picture: FigureLookup; next(): number }
  /** The brief's house layout, asked about each top-level block; absent inside table cells. */
  house?: HouseLayout
  /** Where each comment thread's Word range starts and ends (the brief's `mark` nodes). */
  comments: WordComments
}

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.TITLE,
  h2: HeadingLevel.HEADING_1,
  h3: HeadingLevel.HEADING_2,
  h4: HeadingLevel.HEADING_3,
  h5: HeadingLevel.HEADING_3,
  h6: HeadingLevel.HEADING_3,
}

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  end: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
}

function alignment(node: SerializedLexicalNode) {
  const align = typeof node.format === 'string' ? ALIGN[node.format] : undefined
  return align ? { alignment: align } : {}
}

/** Lexical's text format bitmask: 1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code, 32 sub, 64 super. */
function textRun(text: string, format: number, link: boolean): TextRun {
  return new TextRun({
    text,
    ...(format & 1 ? { bold: true } : {}),
    ...(format & 2 ? { italics: true } : {}),
    ...(format & 4 ? { strike: true } : {}),
    ...(format & 8 ? { underline: {} } : {}),
    ...(format & 16 ? { font: 'Consolas' } : {}),
    ...(format & 32 ? { subScript: true } : {}),
    ...(format & 64 ? { superScript: true } : {}),
    ...(link ? { style: 'Hyperlink' } : {}),
  })
}

function inline(nodes: SerializedLexicalNode[] | undefined, ctx: BlockContext, link = false): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let lastText = ''
  for (const piece of arrangeInline(nodes ?? [], ctx.placement, ctx.punctuationInQuote)) {
    if (piece.kind === 'cluster') {
      const cluster = ctx.cursor.next(piece.nodes.map((n) => String(n.claimId)))
      out.push(...clusterChildren(cluster, ctx.options, /\s$/.test(lastText)))
      lastText = 'x'
      continue
    }
    const node = piece.node
    switch (node.type) {
      case 'text': {
        const text = node.text ?? ''
        if (text) out.push(textRun(text, typeof node.format === 'number' ? node.format : 0, link))
        lastText = text || lastText
        break
      }
      case 'linebreak':
        out.push(new TextRun({ break: 1 }))
        lastText = ' '
        break
      case 'tab':
        out.push(new TextRun({ text: '\t' }))
        lastText = ' '
        break
      case 'link':
      case 'autolink': {
        const url = typeof node.url === 'string' ? node.url : ''
        // Only web and mail links survive: a javascript: or file: URL in a Word document is a trap for the reader.
        const children = inline(node.children, ctx, isSafeUrl(url))
        if (isSafeUrl(url)) out.push(externalLink(url, children))
        else out.push(...children)
        lastText = 'x'
        break
      }
      case 'mark': {
        const ids = Array.isArray(node.ids) ? node.ids : []
        out.push(...ctx.comments.open(ids), ...inline(node.children, ctx, link), ...ctx.comments.close(ids))
        lastText = plainText(node) || lastText
        break
      }
      default:
        if (node.children) out.push(...inline(node.children, ctx, link))
    }
  }
  return out
}

function listParagraphs(list: SerializedLexicalNode, ctx: BlockContext, level: number, instance: number, box: BlockLayout = {}): Paragraph[] {
  const numbered = list.listType === 'number' || list.tag === 'ol'
  const out: Paragraph[] = []
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list')
    const words = (item.children ?? []).filter((c) => c.type !== 'list')
    if (words.length) {
      out.push(
        new Paragraph({
          ...box,
          // A top-level item in the box keeps the box's left edge at its bullet (see house-layout.ts).
          ...(box.border && level === 0 ? { indent: BOX_LIST_INDENT } : {}),
          style: numbered ? STYLE.listNumber : STYLE.listBullet,
          numbering: { reference: numbered ? NUMBER_LIST : BULLET_LIST, level: Math.min(level, 5), instance },
          children: inline(words, ctx),
        }),
      )
    }
    for (const sub of nested) listParagraphs(sub, ctx, level + 1, instance, box).forEach((p) => out.push(p))
  }
  return out
}

function evidenceQuote(cluster: PreparedCluster, ctx: BlockContext, box: BlockLayout): Paragraph {
  const c = cluster.members[0]!
  const children: ParagraphChild[] = [quoteRun(c), new TextRun({ break: 1 }), new TextRun({ text: c.attribution ? `— ${c.attribution}` : '—', italics: false })]
  children.push(...clusterChildren(cluster, ctx.options, false))
  return new Paragraph({ ...box, style: STYLE.quote, children })
}

/** The brief's blocks as Word paragraphs, in Word's built-in styles. */
export function blocks(nodes: SerializedLexicalNode[] | undefined, ctx: BlockContext): FileChild[] {
  const out: FileChild[] = []
  for (const node of nodes ?? []) {
    const { numbering, ...box } = ctx.house?.next(node) ?? {}
    const house = numbering ? { ...box, numbering } : box
    switch (node.type) {
      case 'heading': {
        const heading = HEADINGS[node.tag ?? ''] ?? HeadingLevel.HEADING_3
        // keepNext on the paragraph as well as the style: LibreOffice honours only the former.
        out.push(new Paragraph({ heading, keepNext: true, ...alignment(node), ...house, children: inline(node.children, ctx) }))
        break
      }
      case 'paragraph':
        out.push(new Paragraph({ ...alignment(node), ...house, children: inline(node.children, ctx) }))
        break
      case 'quote':
        out.push(new Paragraph({ style: STYLE.quote, ...box, children: inline(node.children, ctx) }))
        break
      case 'list':
        out.push(...listParagraphs(node, ctx, 0, ctx.nextListInstance(), box))
        break
      case 'evidence-quote':
        out.push(evidenceQuote(ctx.cursor.next([String(node.claimId)]), ctx, box))
        break
      case 'references':
        out.push(...ctx.references())
        break
      case 'table':
        out.push(wordTable(node, (children) => blocks(children, { ...ctx, house: undefined })))
        break
      case 'figure':
        out.push(...figureBlocks(node, ctx.figures.picture(String(node.figureId ?? '')), ctx.figures.next()))
        break
      case 'horizontalrule':
        out.push(new Paragraph({ border: { bottom: { style: 'single', size: 6, color: 'A0A0A0', space: 1 } }, children: [] }))
        break
      default:
        // Anything newer than this writer still keeps its words.
        if (node.children?.length) out.push(new Paragraph({ children: inline(node.children, ctx) }))
    }
  }
  return out
}
