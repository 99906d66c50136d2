import { AppError } from '../errors'

/** One entry of a reference file before cleaning, with where it stands in the file. */
export interface RawEntry {
  raw: unknown
  /** The entry's key (BibTeX), id (CSL-JSON) or title (RIS), for messages. */
  key: string
  line?: number
}

export interface SkippedEntry {
  key: string
  line?: number
  reason: string
}

export interface ReadEntries {
  format: 'CSL-JSON' | 'BibTeX' | 'RIS'
  entries: RawEntry[]
  skipped: SkippedEntry[]
  /** Entries read after Evident mended them (a BibTeX entry with no key), with what was mended. */
  repaired: SkippedEntry[]
}

/** More entries than this in one file is refused before any is parsed. */
export const MAX_REFERENCE_ENTRIES = 5000
/** CSL-JSON records nest a few levels; a file nested deeper is built to break parsers. */
const MAX_JSON_DEPTH = 64

type CitationJsFormat = '@biblatex/text' | '@ris/file'

/** citation-js costs ~150 ms to load: only pay that when a reference file is actually read. */
async function loadCitationJs() {
  const { plugins } = await import('@citation-js/core')
  await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris')])
  return plugins
}

/** The parser's own first line, without the source excerpt it appends. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').slice(0, 200) || 'the parser could not read it'
}

function refuseBinary(text: string): void {
  const sample = text.slice(0, 64 * 1024)
  const junk = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length
  if (junk > 8 && junk > sample.length / 100) {
    throw new AppError('UNSUPPORTED_FORMAT', 'This file looks like binary data, not a reference file: use CSL-JSON, BibTeX or RIS as Zotero, Mendeley or EndNote export them.')
  }
}

/** How deeply the JSON text nests, found in one pass (JSON.parse and the validators after it recurse). */
function jsonDepth(text: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth)
      if (deepest > limit) return deepest
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

function readCslJson(text: string): ReadEntries {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new AppError('INVALID_INPUT', `The CSL-JSON file nests more than ${MAX_JSON_DEPTH} levels deep, which no reference manager writes, so it was not read.`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new AppError('INVALID_INPUT', `The CSL-JSON file is not valid JSON: ${firstLine(error)}`)
  }
  const items = Array.isArray(value) ? value : Array.isArray((value as { items?: unknown })?.items) ? (value as { items: unknown[] }).items : [value]
  if (items.length > MAX_REFERENCE_ENTRIES) throw tooMany(items.length)
  const entries: RawEntry[] = []
  const skipped: SkippedEntry[] = []
  items.forEach((raw, index) => {
    const key = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id).slice(0, 100) : `record ${index + 1}`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) skipped.push({ key: `record ${index + 1}`, reason: 'it is not a CSL-JSON record (an object)' })
    else entries.push({ raw, key })
  })
  return { format: 'CSL-JSON', entries, skipped, repaired: [] }
}

function tooMany(count: number): AppError {
  return new AppError('FILE_TOO_LARGE', `The reference file holds ${count.toLocaleString('en-GB')} entries; Evident reads at most ${MAX_REFERENCE_ENTRIES.toLocaleString('en-GB')} at once. Split it and import the parts.`)
}

interface BibChunk {
  text: string
  key: string
  line: number
  kind: string
  /** Set when the entry's braces never close: it cannot be read on its own. */
  broken?: string
}

/**
 * Cuts a .bib file into its entries by matching braces, so one entry the parser dislikes costs that entry
 * only. @string and @preamble definitions are kept to go before every entry; @comment is dropped.
 */
export function splitBibtex(text: string): { chunks: BibChunk[]; prelude: string } {
  const chunks: BibChunk[] = []
  const prelude: string[] = []
  const start = /(^|\n)[ \t]*@([A-Za-z][\w-]*)[ \t]*([{(])/g
  let line = 1
  let counted = 0
  let match: RegExpExecArray | null
  while ((match = start.exec(text))) {
    const at = match.index + match[1]!.length
    for (; counted < at; counted++) if (text.charCodeAt(counted) === 10) line++
    const open = match[3]!
    const close = open === '{' ? '}' : ')'
    let depth = 0
    let end = -1
    for (let i = at + match[0].length - match[1]!.length - 1; i < text.length; i++) {
      const c = text[i]
      if (c === open || (open === '(' && c === '{')) depth++
      else if (c === close || (open === '(' && c === '}')) {
        depth--
        if (depth === 0) {
          end = i + 1
          break
        }
      }
    }
    const kind = match[2]!.toLowerCase()
    const body = text.slice(at + match[0].length - match[1]!.length, end < 0 ? undefined : end)
    const key = /^\s*([^,\s{}()]*)/.exec(body)?.[1] ?? ''
    if (end < 0) {
      // Read on from the next entry: the rest of the file is not lost to one unclosed brace.
      const next = text.slice(at + 1).search(/\n[ \t]*@[A-Za-z][\w-]*[ \t]*[{(]/)
      chunks.push({ text: '', key, line, kind, broken: 'its braces never close' })
      start.lastIndex = next < 0 ? text.length : at + 1 + next
      continue
    }
    start.lastIndex = end
    const chunk = text.slice(at, end)
    if (kind === 'comment') continue
    if (kind === 'string' || kind === 'preamble') prelude.push(chunk)
    else chunks.push({ text: chunk, key, line, kind })
  }
  return { chunks, prelude: prelude.join('\n') }
}

/** The parser counts lines from the entry it was given; the analyst counts them from the top of the file. */
function inFileTerms(reason: string, offset: number): string {
  return reason.replace(/ at line (\d+) col (\d+):?$/, (_, line: string, col: string) => ` (line ${Number(line) + offset}, column ${col})`)
}

async function readBibtex(text: string): Promise<ReadEntries> {
  const { chunks, prelude } = splitBibtex(text)
  if (chunks.length > MAX_REFERENCE_ENTRIES) throw tooMany(chunks.length)
  const plugins = await loadCitationJs()
  const preludeLines = prelude ? prelude.split('\n').length : 0
  const entries: RawEntry[] = []
  const skipped: SkippedEntry[] = []
  const repaired: SkippedEntry[] = []
  for (const chunk of chunks) {
    if (chunk.broken) {
      skipped.push({ key: chunk.key || '(no key)', line: chunk.line, reason: chunk.broken })
      continue
    }
    // Mendeley writes "@article{," for entries without a key; the parser refuses them, but the record is whole.
    const key = chunk.key || `line-${chunk.line}`
    const text = chunk.key ? chunk.text : chunk.text.replace(/^(@[\w-]+\s*[{(])\s*,/, `$1${key},`)
    if (!chunk.key) repaired.push({ key, line: chunk.line, reason: `it had no citation key, so Evident named it ${key}` })
    try {
      const parsed = (await plugins.input.chainAsync(prelude ? `${prelude}\n${text}` : text, options('@biblatex/text'))) as unknown[]
      if (!parsed.length) skipped.push({ key, line: chunk.line, reason: `@${chunk.kind} is not a kind of entry Evident reads` })
      for (const raw of parsed) entries.push({ raw, key, line: chunk.line })
    } catch (error) {
      skipped.push({ key, line: chunk.line, reason: inFileTerms(firstLine(error), chunk.line - 1 - preludeLines) })
    }
  }
  return { format: 'BibTeX', entries, skipped, repaired }
}

const options = (forceType: CitationJsFormat) => ({ forceType, generateGraph: false, target: '@csl/list+object' })

/** RIS tags as some tools write them ("TY - JOUR", one space) → the standard "TY  - ". */
function standardRis(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^([A-Z][A-Z0-9]) {1,2}-(?: |$)/gm, '$1  - ')
}

async function readRis(text: string): Promise<ReadEntries> {
  const records: { text: string; line: number; title: string }[] = []
  let line = 1
  let current: string[] = []
  let startLine = 1
  for (const row of standardRis(text).split('\n')) {
    if (/^TY {2}- /.test(row)) {
      current = [row]
      startLine = line
    } else if (current.length) {
      current.push(row)
      if (/^ER {2}-/.test(row)) {
        const title = current.find((r) => /^(?:TI|T1|CT|BT) {2}- /.test(r))?.slice(6, 80) ?? ''
        records.push({ text: current.join('\n') + '\n', line: startLine, title })
        current = []
      }
    }
    line++
  }
  if (current.length) records.push({ text: current.join('\n') + '\nER  - \n', line: startLine, title: '' })
  if (records.length > MAX_REFERENCE_ENTRIES) throw tooMany(records.length)
  const plugins = await loadCitationJs()
  const entries: RawEntry[] = []
  const skipped: SkippedEntry[] = []
  for (const record of records) {
    const key = record.title || `record at line ${record.line}`
    try {
      for (const raw of (await plugins.input.chainAsync(record.text, options('@ris/file'))) as unknown[]) entries.push({ raw, key, line: record.line })
    } catch (error) {
      skipped.push({ key, line: record.line, reason: firstLine(error) })
    }
  }
  return { format: 'RIS', entries, skipped, repaired: [] }
}

/** We choose the parser ourselves: citation-js's auto-detection would treat a bare URL or DOI as something to fetch. */
export async function readReferenceEntries(text: string): Promise<ReadEntries> {
  const trimmed = text.trim()
  if (!trimmed) throw new AppError('EMPTY_FILE', 'The reference file is empty.')
  refuseBinary(trimmed)
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return readCslJson(trimmed)
  if (/^\s*@\w+\s*[{(]/m.test(trimmed)) return readBibtex(text)
  if (/^TY {1,2}- ?/m.test(trimmed)) return readRis(text)
  throw new AppError('UNSUPPORTED_FORMAT', 'This is not a reference file Evident can read: use CSL-JSON, BibTeX or RIS (as exported by Zotero, Mendeley or EndNote).')
}
