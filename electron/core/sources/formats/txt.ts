import { AppError } from '../../errors'
import type { Block, ExtractedDocument } from '../extracted'
import type { Metadata } from '../metadata'
import { cleanLine, joinLines } from '../line-text'
import { normaliseText } from '../normalise'
import { labelled, labelledFromText, mergeLabelled } from '../provenance'

const SAMPLE_BYTES = 64 * 1024

/**
 * Bytes → string: BOM first, then strict UTF-8, then Windows-1252 (what Word and Notepad wrote for
 * years). Files that only look like text by their name are refused rather than decoded into noise.
 */
export function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  const bomless = utf16WithoutBom(bytes)
  if (bomless) return new TextDecoder(bomless).decode(bytes)
  if (looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_FORMAT', `"${fileName}" looks like a binary file, not text: Evident cannot read it as a text file.`)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const { valid, invalid } = utf8Sequences(bytes)
    // Mostly good UTF-8 with a few broken bytes is a damaged file; guessing 1252 would garble every accent.
    if (valid > invalid) {
      throw new AppError(
        'CORRUPT_FILE',
        `"${fileName}" has damaged text: it is mostly UTF-8, but ${invalid} byte${invalid === 1 ? ' is' : 's are'} not valid UTF-8. Save it again as UTF-8 and re-import it.`,
      )
    }
    return decodeWindows1252(bytes)
  }
}

// 0x80-0x9F of Windows-1252; Node's TextDecoder treats the label as ISO-8859-1 and gets these wrong.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls++
  }
  return controls > Math.max(2, sample.length * 0.02)
}

/** UTF-16 saved without a BOM: ASCII text with a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES & ~1)
  if (sample.length < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++
    if (sample[i + 1] === 0) oddNul++
  }
  const pairs = sample.length / 2
  if (oddNul > pairs * 0.6 && evenNul === 0) return 'utf-16le'
  if (evenNul > pairs * 0.6 && oddNul === 0) return 'utf-16be'
  return null
}

function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (byte < 0x80) continue
    const need = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0
    let ok = need > 0
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] ?? 0) >> 6 === 0b10
    if (ok) {
      valid++
      i += need
    } else invalid++
  }
  return { valid, invalid }
}

export function extractTxt(fileName: string, bytes: Uint8Array, format: 'txt' | 'md'): ExtractedDocument {
  const text = decodeText(fileName, bytes)
  if (!text.trim()) throw new AppError('EMPTY_FILE', `"${fileName}" is empty: there is no text to import.`)
  if (format === 'txt') {
    const blocks = normaliseText(text)
    return { format, mime: 'text/plain', blocks, ...labelledFromText(text) }
  }
  const { blocks, metadata, titleFrom } = markdownToBlocks(text)
  const origin = titleFrom === 'front matter' ? { kind: 'document' as const, detail: 'the front matter' } : { kind: 'guessed' as const, detail: 'the first heading' }
  return { format, mime: 'text/markdown', blocks, ...mergeLabelled(labelled(metadata, origin), labelledFromText(text)) }
}

const ATX_OPENING = /^ {0,3}#{1,6}(?=\s)/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/
const RULE = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/

/** Markdown's own structure, read lightly: headings, paragraphs, list items; emphasis and links become text. */
export function markdownToBlocks(source: string): { blocks: Block[]; metadata: Metadata; titleFrom?: 'front matter' | 'first heading' } {
  const metadata: Metadata = {}
  let titleFrom: 'front matter' | 'first heading' | undefined
  let lines = source.replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line))
    if (close > 0 && close < 100) {
      const title = lines.slice(1, close).find((line) => /^title\s*:/i.test(line))
      if (title) metadata.title = cleanLine(title.replace(/^title\s*:\s*/i, '').replace(/^["']|["']$/g, ''))
      if (metadata.title) titleFrom = 'front matter'
      lines = lines.slice(close + 1)
    }
  }
  const blocks: Block[] = []
  let paragraph: string[] = []
  let fenced = false
  const flush = (kind: Block['kind'] = 'paragraph') => {
    const joined = joinLines(paragraph)
    const text = kind === 'paragraph' ? cleanLine(inline(joined)) : joined
    if (text) blocks.push({ kind, text })
    paragraph = []
  }
  for (const line of lines) {
    if (/^ {0,3}(?:```|~~~)/.test(line)) {
      flush()
      fenced = !fenced
    } else if (fenced) paragraph.push(line)
    else if (!line.trim() || RULE.test(line) || LINK_DEFINITION.test(line)) flush()
    else if (ATX_OPENING.test(line)) {
      flush()
      paragraph = [inline(atxHeadingText(line))]
      flush('heading')
    } else if (SETEXT_UNDERLINE.test(line) && paragraph.length === 1) {
      paragraph = [inline(paragraph[0]!)]
      flush('heading')
    } else if (LIST_MARKER.test(line)) {
      flush()
      paragraph.push(line.replace(LIST_MARKER, ''))
    } else paragraph.push(line.replace(/^ {0,3}>\s?/, ''))
  }
  flush()
  if (!metadata.title) {
    const first = blocks[0]
    if (first?.kind === 'heading' && /^ {0,3}# /m.test(source)) {
      metadata.title = first.text
      titleFrom = 'first heading'
    }
  }
  return { blocks, metadata, ...(titleFrom ? { titleFrom } : {}) }
}

/**
 * "## Title ##" → "Title", by hand: the pattern that did this in one go (a lazy group before optional
 * whitespace and hashes) took quadratic time on a long run of spaces.
 */
function atxHeadingText(line: string): string {
  const text = line.replace(ATX_OPENING, '').trim()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  const closed = end < text.length && (end === 0 || /\s/.test(text[end - 1]!))
  return closed ? text.slice(0, end).trimEnd() : text
}

/**
 * An emphasis span may not contain its own delimiter (a strong span may hold single stars), and is at most
 * 1,000 characters: each try then stops at the next delimiter, so a line full of unclosed "**" is linear.
 */
const span = (delimiter: string) => `(?:[^${delimiter}]|${delimiter}(?!${delimiter})){1,1000}?`
// Each pattern stops at the next opening delimiter ("[^[\]]", "[^<>]", span()): a 200 KB line of "[" or
// "<" or "**" without their closers took 40–90 s with patterns that scanned to the end of the line from each.
const INLINE: [RegExp, string][] = [
  [/!\[([^[\]]*)\]\([^()]*\)/g, '$1'],
  [/\[\^([^[\]]+)\]:?/g, '[$1]'],
  [/\[([^[\]]+)\]\([^()]*\)/g, '$1'],
  [/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1'],
  [/<\/?[a-zA-Z][^<>]*>/g, ''],
  [/`([^`]+)`/g, '$1'],
  [new RegExp(`\\*\\*(?=\\S)(${span('\\*')})(?<=\\S)\\*\\*`, 'g'), '$1'],
  [new RegExp(`__(?=\\S)(${span('_')})(?<=\\S)__`, 'g'), '$1'],
  [/(?<![\w*])\*(?=\S)([^*]{1,1000}?)(?<=\S)\*(?![\w*])/g, '$1'],
  [/(?<![\w_])_(?=\S)([^_]{1,1000}?)(?<=\S)_(?![\w_])/g, '$1'],
  [new RegExp(`~~(?=\\S)(${span('~')})(?<=\\S)~~`, 'g'), '$1'],
  [/\\([\\`*_{}[\]()#+\-.!>])/g, '$1'],
]

function inline(text: string): string {
  let out = text
  for (const [pattern, replacement] of INLINE) out = out.replace(pattern, replacement)
  return out
}
