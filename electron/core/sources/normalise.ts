import type { Block } from './extracted'
import { cleanLine, joinCleanLines } from './line-text'

export interface TextLine {
  text: string
  page?: string
  /** First line of a PDF page: the paragraph runs on across the break unless the page ended a sentence. */
  pageStart?: boolean
}

export interface NormaliseOptions {
  /** Every line is a visual line of a paragraph (PDF, column text); undefined = guess from line lengths. */
  wrapped?: boolean
}

// A note marker may follow the stop, marked as one by the PDF reader (layout-marks.ts) or not.
const SENTENCE_END = /[.!?:;…。！？]["'’”»)\]」』）]*(?:\s?\ufdd0?\d{1,3}(?:[,–-]\d{1,3})*)?$/
const HEADING_STOP = /[.,;:!。、！？]["'’”»)\]」』）]*(?:\s?\ufdd0?\d{1,3})?$/
const LIST_ITEM = /^(?:[•◦▪‣●·*–-]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)/
/** A DOI, web address or line of code on a line of its own is never a heading. */
const NOT_HEADING = /\b10\.\d{4,9}\/|:\/\/|^doi:|^www\.|[[\]<>={}\\_|@]|:\S/i
/** "2.1 Directory layout", "3. Findings": numbered sections, not list items, when short and alone. */
const SECTION_NUMBER = /^(?:\d{1,2}\.)*\d{1,2}\.?\s+\p{Lu}/u
const BULLET = /^[•◦▪‣●·]\s+/
const ROMAN = '(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})'
const BARE_PAGE_NUMBER = new RegExp(`^(?:page\\s+)?[-–—]?\\s*(?:\\d{1,3}|${ROMAN})\\s*[-–—]?(?:\\s*(?:of|/)\\s*\\d{1,4})?$`, 'i')
// Small caps in the column texts come out as "praCtiCe", "beTWeen": a strong sign of a heading.
const MANGLED_CASE = /\b[a-z]+[A-Z]+[a-z]*[A-Z]?\b|\b[a-z][A-Z]{2,}/
/** A line cannot end a sentence on these words, so a blank line after one is a column break. */
const DANGLING = new Set(
  'a an the of and or nor but to in on at by for with from as that which who whose than into onto between its their our his her your is are was were be been has have had not very more most such this these those'.split(' '),
)
/** Function words a heading cannot end on: "integration of training and" runs on to its next line. */
const HEADING_DANGLING = new Set('a an the of and or nor but to for with from by as that which than into between'.split(' '))
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd())
}

/** A line with its cleanLine() text, worked out once: every rule below looks at it, most more than once. */
interface Line extends TextLine {
  clean: string
}

interface RawBlock {
  lines: Line[]
}

/** Plain text → blocks: blank line = paragraph break, hard-wrapped lines joined, headings recognised. */
export function normaliseText(text: string, options: NormaliseOptions = {}): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => ({ text: line }))
  return linesToBlocks(lines, options)
}

export function linesToBlocks(textLines: TextLine[], options: NormaliseOptions = {}): Block[] {
  const lines: Line[] = textLines.map((line) => ({ ...line, clean: cleanLine(line.text) }))
  const raws = splitOnBlankLines(lines).filter((raw) => !isPageNumberBlock(raw))
  const lengths = raws.flatMap((raw) => raw.lines.map((line) => line.clean.length))
  const width = percentile(lengths, 0.9)
  const wrapped = options.wrapped ?? width <= 100
  const blocks: Block[] = []
  if (!wrapped) {
    for (const line of raws.flatMap((raw) => raw.lines)) pushBlock(blocks, standaloneKind(line, 80), [line])
    return blocks
  }
  const merged: RawBlock[] = []
  for (const raw of raws) {
    const previous = merged[merged.length - 1]
    // A loop, not push(...lines): spreading a block of a million lines overflows the call stack.
    if (previous && continuesAcrossBlank(previous, raw, width)) for (const line of raw.lines) previous.lines.push(line)
    else merged.push({ lines: [...raw.lines] })
  }
  for (const raw of merged) splitWrappedBlock(raw.lines, width, blocks)
  return blocks
}

/**
 * Paragraphs that are really visual lines (text pasted from a PDF into Word): many of them stop
 * mid-sentence and the next one carries on in lower case.
 */
export function looksHardWrapped(paragraphs: string[]): boolean {
  const filled = paragraphs.map(cleanLine).filter(Boolean)
  let runOns = 0
  for (let i = 0; i + 1 < filled.length; i++) {
    if (!endsSentence(filled[i]!) && /^\p{Ll}/u.test(filled[i + 1]!)) runOns++
  }
  return runOns >= 3 && runOns >= filled.length * 0.25
}

function splitOnBlankLines(lines: Line[]): RawBlock[] {
  const raws: RawBlock[] = []
  let current: Line[] = []
  const flush = () => {
    if (current.length) raws.push({ lines: current })
    current = []
  }
  for (const line of lines) {
    if (!line.clean) flush()
    else {
      const previous = current[current.length - 1]
      if (line.pageStart && previous && endsSentence(previous.clean)) flush()
      current.push(line)
    }
  }
  flush()
  return raws
}

/** "12", "- iv -", "Page 3 of 12": a line that is only a page number. */
export function isBarePageNumber(line: string): boolean {
  return BARE_PAGE_NUMBER.test(line)
}

function isPageNumberBlock(raw: RawBlock): boolean {
  return raw.lines.length === 1 && isBarePageNumber(raw.lines[0]!.clean)
}

/** A blank line inside a sentence is a column or page break, not the end of a paragraph. */
function continuesAcrossBlank(previous: RawBlock, next: RawBlock, width: number): boolean {
  if (previous.lines.length < 2 && !next.lines[0]?.pageStart) return false
  if (headingLength(previous.lines, width) === previous.lines.length) return false
  if (headingLength(next.lines, width) > 0) return false
  const last = previous.lines[previous.lines.length - 1]!.clean
  const first = next.lines[0]!.clean
  if (endsSentence(last) || LIST_ITEM.test(first)) return false
  const lastWord = (last.match(/(\p{L}+)\W*$/u)?.[1] ?? '').toLowerCase()
  return /^\p{Ll}/u.test(first) || /-$/.test(last) || DANGLING.has(lastWord) || last.length >= 0.75 * width
}

/**
 * How many lines at the start of a block form its heading (0 = none): short lines without closing
 * punctuation, standing alone or followed by a line that starts a sentence.
 */
function headingLength(lines: Line[], width: number): number {
  let text = ''
  for (let k = 1; k <= Math.min(3, lines.length); k++) {
    const line = lines[k - 1]!.clean
    if (/^\s{2,}/.test(lines[k - 1]!.text) || (LIST_ITEM.test(line) && !SECTION_NUMBER.test(line))) return 0
    text = text ? `${text} ${line}` : line
    if (text.length > 100 || /[.!?]\s+\p{Lu}/u.test(text.replace(/^[\d.]+\s/, ''))) return 0
    const mangled = MANGLED_CASE.test(text)
    if (line.length > (mangled ? width : Math.min(0.75 * width, 60))) return 0
    const next = lines[k] ? lines[k]!.clean : null
    const lastWord = (line.match(/(\p{L}+)$/u)?.[1] ?? '').toLowerCase()
    const closed = !HEADING_STOP.test(line) && !/-$/.test(line) && !HEADING_DANGLING.has(lastWord) && !NOT_HEADING.test(text)
    if (closed && (next === null || /^["'‘“(]?[\p{Lu}\d]/u.test(next)) && /\p{L}/u.test(text)) return k
    if (HEADING_STOP.test(line) || line.endsWith('?')) return 0
  }
  return 0
}

function standaloneKind(line: Line, maxLength: number): Block['kind'] {
  const { text: raw, clean: text } = line
  if (NOT_HEADING.test(text)) return 'paragraph'
  const words = text.split(' ').length
  const isHeading =
    text.length <= maxLength &&
    words <= 12 &&
    !/^\s{2,}/.test(raw) &&
    !LIST_ITEM.test(text) &&
    !HEADING_STOP.test(text) &&
    !text.endsWith('?') &&
    /^["'‘“(]?[\p{L}\d]/u.test(text) &&
    /\p{L}{2}/u.test(text)
  return isHeading ? 'heading' : 'paragraph'
}

/**
 * A block whose lines nearly all end a sentence is one sentence or paragraph per line (a log, a list,
 * an export), not prose wrapped at a width: a line that ends a sentence ends its paragraph.
 */
function isLinePerParagraph(lines: Line[]): boolean {
  if (lines.length < 4) return false
  let ended = 0
  for (const line of lines) if (endsSentence(line.clean)) ended++
  return ended >= lines.length * 0.8
}

/** Past this a paragraph ends at the next sentence end; past the hard limit at the next line. */
const LONG_PARAGRAPH_CHARS = 5_000
const MAX_PARAGRAPH_CHARS = 50_000

function splitWrappedBlock(lines: Line[], width: number, blocks: Block[]): void {
  let start = 0
  const linePerParagraph = isLinePerParagraph(lines)
  let length = 0
  const heading = headingLength(lines, width)
  if (heading > 0) {
    pushBlock(blocks, 'heading', lines.slice(0, heading))
    start = heading
  }
  let paragraph: Line[] = []
  let inList = false
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!
    const text = line.clean
    const last = paragraph[paragraph.length - 1]
    const previous = last ? last.clean : ''
    const ended = !!previous && endsSentence(previous)
    // "- but only if" after a line that runs on is a dash in a sentence, not the start of a list.
    const item: boolean = LIST_ITEM.test(text) && (inList || ended || !previous || BULLET.test(text))
    inList ||= item
    // A short line that ends a sentence, then a capital: the paragraph ended without a blank line.
    const shortEnd = ended && previous.length < 0.6 * width && /^["'‘“]?\p{Lu}/u.test(text)
    const indented = ended && !!last && indent(line.text) >= indent(last.text) + 2
    const tooLong = length > MAX_PARAGRAPH_CHARS || (ended && (linePerParagraph || length > LONG_PARAGRAPH_CHARS))
    if (paragraph.length && (item || shortEnd || indented || tooLong)) {
      pushBlock(blocks, 'paragraph', paragraph)
      paragraph = []
      length = 0
    }
    paragraph.push(line)
    length += text.length + 1
  }
  if (paragraph.length) pushBlock(blocks, 'paragraph', paragraph)
}

function indent(text: string): number {
  return text.match(/^[ \t\u00a0]*/)![0].replace(/\t/g, '    ').length
}

function pushBlock(blocks: Block[], kind: Block['kind'], lines: Line[]): void {
  const text = joinCleanLines(lines.map((line) => line.clean)).replace(BULLET, '')
  if (!text) return
  const page = lines[0]?.page
  blocks.push(page === undefined ? { kind, text } : { kind, text, page })
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}
