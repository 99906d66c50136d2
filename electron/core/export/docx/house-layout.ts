import { AlignmentType, BorderStyle, LevelFormat, ShadingType, type ILevelsOptions, type IParagraphOptions } from 'docx'
import type { BriefLayout } from '../../../shared/dto/brief-layout'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import { roleOfHeading, type SectionRole } from '../../../shared/dto/section-roles'

export const PARAGRAPH_NUMBERS = 'evident-paragraphs'

/**
 * Sections 1., 2. (on the Heading 1) and their paragraphs 1.1, 1.2: one multi-level list, so Word's own
 * numbering does the counting and a cross-reference to "paragraph 2.3" follows it when paragraphs move.
 * Level 2 restarts at each level 1, as Word does by default.
 */
export const paragraphNumberLevels: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 680, hanging: 680 } } } },
  { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 680, hanging: 680 } } } },
]

const BOX_LINE = { style: BorderStyle.SINGLE, size: 8, color: '1F3864', space: 6 }
/**
 * Paragraphs side by side with the same borders and the same left edge are drawn as one box, so every block
 * in it is inset alike: a paragraph's text and a bullet's first line both start 360 twips in (BOX_LIST_INDENT).
 */
const BOX: Pick<IParagraphOptions, 'border' | 'shading' | 'indent'> = {
  border: { top: BOX_LINE, bottom: BOX_LINE, left: BOX_LINE, right: BOX_LINE },
  shading: { type: ShadingType.CLEAR, fill: 'E8EEF7', color: 'auto' },
  indent: { left: 360, right: 360 },
}
export const BOX_LIST_INDENT = { left: 720, hanging: 360, right: 360 }

/** Sections whose paragraphs are not the analyst's argument to number: the reference list is the style's. */
const UNNUMBERED: ReadonlySet<SectionRole> = new Set(['references'])

export type BlockLayout = Pick<IParagraphOptions, 'border' | 'shading' | 'indent' | 'numbering'>

/**
 * Follows the brief's top-level blocks in order and says what the house layout adds to each: its number
 * (numbered paragraphs) and the box (the Key messages section, its heading included). Only top-level blocks
 * are asked about: a paragraph in a table cell is never numbered or boxed on its own.
 */
export class HouseLayout {
  private role: SectionRole | null = null
  private inSection = false

  constructor(private readonly layout: Pick<BriefLayout, 'numberedParagraphs' | 'keyMessagesBox'>) {}

  next(node: SerializedLexicalNode): BlockLayout {
    if (node.type === 'heading' && node.tag === 'h2') {
      this.inSection = true
      this.role = roleOfHeading(node)
    } else if (node.type === 'heading' && node.tag === 'h1') {
      this.inSection = false
      this.role = null
    }
    const box = this.layout.keyMessagesBox && this.role === 'key-messages' && node.type !== 'table' ? BOX : {}
    const level = this.numberLevel(node)
    return level === null ? box : { ...box, numbering: { reference: PARAGRAPH_NUMBERS, level } }
  }

  private numberLevel(node: SerializedLexicalNode): number | null {
    if (!this.layout.numberedParagraphs || !this.inSection || (this.role && UNNUMBERED.has(this.role))) return null
    if (node.type === 'heading' && node.tag === 'h2') return 0
    // An empty paragraph keeps no number: "2.3" on a blank line reads as something missing.
    return node.type === 'paragraph' && node.children?.length ? 1 : null
  }
}
