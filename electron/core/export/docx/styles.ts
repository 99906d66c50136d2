import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx'
import { PARAGRAPH_NUMBERS, paragraphNumberLevels } from './house-layout'

/**
 * Word's own built-in style ids and names. An organisation's template restyles these, and the navigation pane
 * lists Title and Heading 1–3; custom ids would look the same on screen and break both.
 */
export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  normal: 'Normal',
  quote: 'Quote',
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  bibliography: 'Bibliography',
  caption: 'Caption',
  tocHeading: 'TOCHeading',
  // Word's note styles: docx defines them as Word's defaults have them (10 pt text, superscript reference).
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  endnoteText: 'EndnoteText',
  endnoteReference: 'EndnoteReference',
} as const

export const BULLET_LIST = 'evident-bullet'
export const NUMBER_LIST = 'evident-number'

const FONT = 'Calibri'
const HEADING_COLOUR = '1F3864'

/** The document's styles; `language` (w:lang in docDefaults) is what Word proofreads every run in. */
export const documentStyles = (language: string): IStylesOptions => ({
  default: {
    // lineRule stated outright: LibreOffice reads a bare w:line as exact, and large titles then overprint.
    document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: FONT, size: 48, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { after: 240, line: 240, lineRule: LineRuleType.AUTO } } },
    // outlineLevel is what puts a heading in Word's navigation pane and a table of contents.
    heading1: { run: { font: FONT, size: 32, bold: true, color: HEADING_COLOUR }, paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 360, after: 120 } } },
    heading2: { run: { font: FONT, size: 26, bold: true, color: HEADING_COLOUR }, paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 80 } } },
    heading3: { run: { font: FONT, size: 24, bold: true, italics: true, color: HEADING_COLOUR }, paragraph: { outlineLevel: 2, keepNext: true, spacing: { before: 200, after: 60 } } },
    bibliography: { paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 120 } } },
  },
  paragraphStyles: [
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 160, after: 160 } },
    },
    // Word's own Caption style (its built-in name is lower case), so Insert Caption and a table of figures find these.
    { id: STYLE.caption, name: 'caption', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: { size: 18, color: '44546A', italics: true }, paragraph: { spacing: { before: 60, after: 240 } } },
    { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: STYLE.heading1, next: STYLE.normal, paragraph: { outlineLevel: 9 } },
    { id: STYLE.listBullet, name: 'List Bullet', basedOn: STYLE.normal, quickFormat: true, paragraph: { spacing: { after: 60 } } },
    { id: STYLE.listNumber, name: 'List Number', basedOn: STYLE.normal, quickFormat: true, paragraph: { spacing: { after: 60 } } },
  ],
})

const BULLETS = ['•', '◦', '▪']

function levels(format: 'bullet' | 'number') {
  return [0, 1, 2, 3, 4, 5].map((level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : level % 3 === 0 ? LevelFormat.DECIMAL : level % 3 === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.LOWER_ROMAN,
    text: format === 'bullet' ? BULLETS[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }))
}

/** One abstract list of each kind; every numbered list in the brief gets its own instance, so each restarts at 1. */
export const numbering: INumberingOptions = {
  config: [
    { reference: BULLET_LIST, levels: levels('bullet') },
    { reference: NUMBER_LIST, levels: levels('number') },
    { reference: PARAGRAPH_NUMBERS, levels: paragraphNumberLevels },
  ],
}
