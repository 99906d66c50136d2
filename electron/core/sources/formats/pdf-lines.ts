import { cleanLine } from '../line-text'
import { LAYOUT_MARK } from '../layout-marks'

interface PositionedItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
  dir?: string
}

/** One line as laid out on the page: its text, baseline, font size and horizontal extent. */
export interface VisualLine {
  text: string
  /** The baseline; for a column of vertical writing, its x (columns run right to left as lines run down). */
  y: number
  size: number
  /** Left and right ends of a line across the page (column order and running heads look at them). */
  x?: number
  right?: number
  /** A column of vertical (top-to-bottom) writing. */
  vertical?: true
}

interface Run {
  str: string
  x: number
  y: number
  width: number
  size: number
}

function isItem(item: unknown): item is PositionedItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item
}

const SPACE = /\s/
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/g
// Arabic letters as their contextual shapes (what many Arabic fonts' ToUnicode maps give): folded to the
// letters themselves, so the stored text reads, searches and quotes like text typed in Arabic.
const ARABIC_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]+/gu
// Vertical writing's punctuation as its vertical forms ("︒" for "。"), folded back the same way.
const VERTICAL_FORMS = /[\ufe10-\ufe19\ufe30-\ufe4f]+/gu
// A raised, smaller run of these is a note marker ("blame.²", "services.³⁻⁵").
const MARKER_DIGITS = /^\d{1,3}(?:[,–-]\d{1,3})*$/

/**
 * A run set smaller than its line and above its baseline, holding only a reference number: a note marker,
 * known from where the glyphs are, not guessed from the text ("tal197" in body size stays ordinary text).
 */
function isRaisedMarker(run: Run, baseline: number, size: number): boolean {
  return run.size <= size * 0.85 && run.y - baseline >= size * 0.15 && MARKER_DIGITS.test(run.str.trim())
}

/** A line of right-to-left script is stored in reading order: its runs from the right edge leftwards. */
function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTER)?.length ?? 0
  return rtl > 0 && rtl > (text.match(LTR_LETTER)?.length ?? 0)
}

/** The runs of one line as its text: spaces where the glyphs leave a gap, raised markers flagged. */
function lineFromRuns(runs: Run[]): VisualLine | null {
  // The baseline and size are the body's: a superscript's are the exceptions.
  const body = runs.reduce((largest, run) => (run.size > largest.size ? run : largest), runs[0]!)
  const rtl = isRightToLeft(runs.map((run) => run.str).join(''))
  const ordered = rtl ? [...runs].sort((a, b) => b.x - a.x) : runs
  const parts: string[] = []
  let endsInSpace = true
  let edge = 0
  ordered.forEach((run, index) => {
    const gap = rtl ? edge - (run.x + run.width) : run.x - edge
    if (index > 0 && gap > body.size * 0.15 && !endsInSpace && !SPACE.test(run.str.charAt(0))) parts.push(' ')
    // Raised digits straight after a digit are a power ("10⁶"), not a note.
    const afterDigit = gap <= body.size * 0.15 && /\d$/.test(parts[parts.length - 1] ?? '')
    if (isRaisedMarker(run, body.y, body.size) && !afterDigit) parts.push(LAYOUT_MARK, run.str.trim())
    else if (run.str) parts.push(run.str.replaceAll(LAYOUT_MARK, ''))
    if (run.str) endsInSpace = SPACE.test(run.str.charAt(run.str.length - 1))
    edge = rtl ? run.x : run.x + run.width
  })
  const text = parts.join('').replace(ARABIC_FORMS, (forms) => forms.normalize('NFKC'))
  if (!cleanLine(text)) return null
  const x = Math.min(...runs.map((run) => run.x))
  const right = Math.max(...runs.map((run) => run.x + run.width))
  return { text, y: body.y, size: body.size, x, right }
}

/**
 * getTextContent gives runs of text; a new line starts where the baseline moves, where a gap wider than a
 * column gutter opens (two columns drawn row by row), or where the run says so. A run of vertical writing
 * is a column of its own.
 */
export function rebuildLines(items: unknown[]): VisualLine[] {
  const lines: VisualLine[] = []
  let runs: Run[] = []
  let column: { parts: string[]; x: number; size: number } | null = null
  const flush = () => {
    const line = runs.length ? lineFromRuns(runs) : null
    if (line) lines.push(line)
    runs = []
    const vertical = column?.parts.join('').replace(VERTICAL_FORMS, (forms) => forms.normalize('NFKC'))
    if (column && vertical && cleanLine(vertical)) lines.push({ text: vertical, y: column.x, size: column.size, vertical: true })
    column = null
  }
  for (const item of items) {
    if (!isItem(item)) continue
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = Math.hypot(c, d) || item.height || 10
    if (item.dir === 'ttb') {
      if (runs.length || (column && Math.abs(column.x - x) > size * 0.5)) flush()
      column ??= { parts: [], x, size }
      column.parts.push(item.str)
      if (item.hasEOL) flush()
      continue
    }
    if (column) flush()
    const last = runs[runs.length - 1]
    // A gap wider than any word space is the gutter between two columns drawn row by row across the page,
    // whether left empty or spanned by a space pdf.js puts in.
    const gutter = Math.max(size, last?.size ?? 0) * 1.5
    if (!item.str.trim() && item.width > gutter) {
      flush()
      continue
    }
    if (last && (Math.abs(y - runs[0]!.y) > Math.max(size, runs[0]!.size) * 0.5 || x - (last.x + last.width) > gutter)) flush()
    // An empty run still carries its place: it may end a word before a gap.
    runs.push({ str: item.str, x, y, width: item.width, size })
    if (item.hasEOL) flush()
  }
  flush()
  return lines
}
