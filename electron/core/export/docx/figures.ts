import { AlignmentType, ImageRun, Paragraph, SimpleField, TextRun, type FileChild } from 'docx'
import type { FigureMediaType } from '../../../shared/dto/figures'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import { STYLE } from './styles'

/** A figure's stored picture, as the export needs it. */
export interface FigurePicture {
  mediaType: FigureMediaType
  width: number
  height: number
  bytes: Buffer
}

/** The figure's picture by id, or null when the project has none (a figure pasted from another project). */
export type FigureLookup = (figureId: string) => FigurePicture | null

/** The text column of the page (A4 less the margins in document.ts), in the 96-to-the-inch pixels docx takes. */
const TEXT_WIDTH_PX = Math.floor(((11906 - 2 * 1247) / 1440) * 96)
/** Most of the text height, so a picture and its caption fit on one page. */
const MAX_HEIGHT_PX = 760

/** A picture's size on the page: its own, scaled down (never up) to fit the text column, shape kept. */
export function fitToPage(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, TEXT_WIDTH_PX / width, MAX_HEIGHT_PX / height)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * A figure as Word has it: the picture inline in its own paragraph, kept with the caption below it, its alt
 * text in wp:docPr's descr (what Word's Alt Text pane and screen readers read); then the caption in Word's
 * Caption style, "Figure " and a SEQ Figure field (number filled in, so it reads right before Word updates it:
 * Insert Caption and cross-references to it then work as on Word's own), then ": " and the caption's words.
 */
export function figureBlocks(node: SerializedLexicalNode, picture: FigurePicture | null, number: number): FileChild[] {
  const altText = typeof node.altText === 'string' ? node.altText.trim() : ''
  const caption = typeof node.caption === 'string' ? node.caption.trim() : ''
  const label = `Figure ${number}`
  const image = picture
    ? new ImageRun({
        type: picture.mediaType === 'image/png' ? 'png' : 'jpg',
        data: picture.bytes,
        transformation: fitToPage(picture.width, picture.height),
        altText: { name: label, description: altText },
      })
    : new TextRun({ text: `[${label}: the picture is not in this project.${altText ? ` It shows: ${altText}` : ''}]` })
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image] }),
    new Paragraph({
      style: STYLE.caption,
      children: [new TextRun('Figure '), new SimpleField('SEQ Figure \\* ARABIC', String(number)), ...(caption ? [new TextRun(`: ${caption}`)] : [])],
    }),
  ]
}
