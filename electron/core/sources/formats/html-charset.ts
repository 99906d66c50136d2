/**
 * The character encoding of an HTML file, found as a browser finds it (WHATWG HTML, "Determining the
 * character encoding"): a byte order mark, then the transport's charset if the page came with one, then the
 * prescan of the first 1024 bytes for a <meta charset> or <meta http-equiv=content-type>. A declaration
 * further down (big-preamble.html: windows-1251, declared at byte 4,918 after a long script) is what the
 * parser's "change the encoding" step finds on meeting the <meta> while the encoding is still tentative:
 * the same scan carried on through the document, skipping the text of script, style and title elements.
 * Null when nothing declares one: the caller then detects it (strict UTF-8, else windows-1252).
 */
export type EncodingSource = 'bom' | 'transport' | 'prescan' | 'meta-while-parsing'

export interface SniffedEncoding {
  /** A WHATWG encoding name TextDecoder accepts ("utf-8", "windows-1251"...). */
  encoding: string
  source: EncodingSource
  /** Bytes of the BOM to skip before decoding. */
  skip: number
}

const PRESCAN_BYTES = 1024
const SPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20])
/** Elements whose text the tokenizer does not read as markup: a "<meta" inside them declares nothing. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])

export function sniffHtmlEncoding(bytes: Uint8Array, transportCharset?: string): SniffedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', source: 'bom', skip: 3 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', source: 'bom', skip: 2 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom', skip: 2 }
  const transport = transportCharset ? getEncoding(transportCharset) : null
  if (transport) return { encoding: transport, source: 'transport', skip: 0 }
  const early = scanForMeta(bytes, Math.min(bytes.length, PRESCAN_BYTES), false)
  if (early) return { encoding: early, source: 'prescan', skip: 0 }
  const later = scanForMeta(bytes, bytes.length, true)
  return later ? { encoding: later, source: 'meta-while-parsing', skip: 0 } : null
}

/** "Get an encoding": a label → the encoding's name, or null for an unknown label or the replacement encoding. */
export function getEncoding(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim()).encoding
    return encoding === 'replacement' ? null : encoding
  } catch {
    return null
  }
}

/** The prescan's loop over `end` bytes; `skipRawText` makes it the tokenizer's view for the later declarations. */
function scanForMeta(bytes: Uint8Array, end: number, skipRawText: boolean): string | null {
  const scan = new ByteScanner(bytes, end)
  while (scan.position < end) {
    const at = scan.position
    if (scan.startsWith('<!--')) {
      // The end of the first "-->" after the "<", whose dashes may be those of "<!--" itself ("<!-->").
      let p = at + 2
      while (p + 2 < end && !(bytes[p] === 0x2d && bytes[p + 1] === 0x2d && bytes[p + 2] === 0x3e)) p++
      if (p + 2 >= end) return null
      scan.position = p + 3
    } else if (scan.startsWithTag('meta') && (SPACE.has(bytes[at + 5]!) || bytes[at + 5] === 0x2f)) {
      scan.position = at + 5
      const found = metaEncoding(scan)
      if (found === undefined) return null
      if (found) return found
    } else if (bytes[at] === 0x3c && (isLetter(bytes[at + 1]) || (bytes[at + 1] === 0x2f && isLetter(bytes[at + 2])))) {
      const closing = bytes[at + 1] === 0x2f
      scan.position = at + (closing ? 2 : 1)
      const nameStart = scan.position
      while (scan.position < end && !SPACE.has(bytes[scan.position]!) && bytes[scan.position] !== 0x3e) scan.position++
      const name = asciiLower(bytes, nameStart, scan.position)
      while (true) {
        const attribute = scan.attribute()
        if (attribute === undefined) return null
        if (attribute === null) break
      }
      scan.position++
      if (skipRawText && !closing && RAW_TEXT.has(name)) scan.skipPast(`</${name}`)
    } else if (scan.startsWith('<!') || scan.startsWith('</') || scan.startsWith('<?')) {
      while (scan.position < end && bytes[scan.position] !== 0x3e) scan.position++
      scan.position++
    } else scan.position++
  }
  return null
}

/**
 * The attributes of one <meta>: its encoding, '' if it declares none the prescan may use (a content
 * attribute without http-equiv="content-type", an unknown label), undefined if the input ended inside it.
 */
function metaEncoding(scan: ByteScanner): string | '' | undefined {
  const seen = new Set<string>()
  let gotPragma = false
  let needPragma: boolean | null = null
  let charset: string | null = null
  while (true) {
    const attribute = scan.attribute()
    if (attribute === undefined) return undefined
    if (attribute === null) break
    const [name, value] = attribute
    if (seen.has(name)) continue
    seen.add(name)
    if (name === 'http-equiv' && value === 'content-type') gotPragma = true
    else if (name === 'content' && charset === null) {
      const label = charsetFromContent(value)
      if (label !== null) {
        charset = getEncoding(label) ?? ''
        needPragma = true
      }
    } else if (name === 'charset') {
      charset = getEncoding(value) ?? ''
      needPragma = false
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || !charset) return ''
  // A page cannot declare itself UTF-16 from inside: bytes that could be read this far are not UTF-16.
  if (charset === 'utf-16le' || charset === 'utf-16be') return 'utf-8'
  return charset === 'x-user-defined' ? 'windows-1252' : charset
}

/** "Extracting a character encoding from a meta element": the label after charset= in a content value. */
export function charsetFromContent(content: string): string | null {
  const lower = content.toLowerCase()
  let position = 0
  while (true) {
    const found = lower.indexOf('charset', position)
    if (found < 0) return null
    let p = found + 7
    while (p < lower.length && /[\t\n\f\r ]/.test(lower[p]!)) p++
    if (lower[p] !== '=') {
      position = p
      continue
    }
    p++
    while (p < lower.length && /[\t\n\f\r ]/.test(lower[p]!)) p++
    const first = content[p]
    if (first === undefined) return null
    if (first === '"' || first === "'") {
      const close = content.indexOf(first, p + 1)
      return close < 0 ? null : content.slice(p + 1, close)
    }
    const rest = content.slice(p)
    return rest.slice(0, rest.search(/[\t\n\f\r ;]|$/))
  }
}

function isLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))
}

function asciiLower(bytes: Uint8Array, from: number, to: number): string {
  let out = ''
  for (let i = from; i < to && i - from < 16; i++) out += String.fromCharCode(lower(bytes[i]!))
  return out
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte
}

/** A position in the bytes and the prescan's "get an attribute" (bytes read as code points, as the spec says). */
class ByteScanner {
  position = 0
  constructor(
    private readonly bytes: Uint8Array,
    private readonly end: number,
  ) {}

  startsWith(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.bytes[this.position + i] !== text.charCodeAt(i)) return false
    return this.position + text.length <= this.end
  }

  startsWithTag(name: string): boolean {
    if (this.bytes[this.position] !== 0x3c || this.position + name.length + 1 >= this.end) return false
    for (let i = 0; i < name.length; i++) if (lower(this.bytes[this.position + 1 + i]!) !== name.charCodeAt(i)) return false
    return true
  }

  /** Moves past the next occurrence of `text` (ASCII, case-insensitive), or to the end. */
  skipPast(text: string): void {
    const first = text.charCodeAt(0)
    for (let p = this.position; p + text.length <= this.end; p++) {
      if (this.bytes[p] !== first) continue
      let k = 1
      while (k < text.length && lower(this.bytes[p + k]!) === text.charCodeAt(k)) k++
      if (k === text.length) {
        this.position = p + k
        return
      }
    }
    this.position = this.end
  }

  private byte(): number | undefined {
    return this.position < this.end ? this.bytes[this.position] : undefined
  }

  /** [name, value]; null when the tag ends ("no attribute"); undefined when the input ends first. */
  attribute(): [string, string] | null | undefined {
    let b = this.byte()
    while (b !== undefined && (SPACE.has(b) || b === 0x2f)) b = this.next()
    if (b === undefined) return undefined
    if (b === 0x3e) return null
    let name = ''
    let value = ''
    while (true) {
      if (b === undefined) return undefined
      if (b === 0x3d && name) break
      if (SPACE.has(b)) {
        while (b !== undefined && SPACE.has(b)) b = this.next()
        if (b === undefined) return undefined
        if (b !== 0x3d) return [name, '']
        break
      }
      if (b === 0x2f || b === 0x3e) return [name, '']
      name += String.fromCharCode(lower(b))
      b = this.next()
    }
    b = this.next()
    while (b !== undefined && SPACE.has(b)) b = this.next()
    if (b === undefined) return undefined
    if (b === 0x22 || b === 0x27) {
      const quote = b
      while (true) {
        b = this.next()
        if (b === undefined) return undefined
        if (b === quote) {
          this.next()
          return [name, value]
        }
        value += String.fromCharCode(lower(b))
      }
    }
    if (b === 0x3e) return [name, '']
    while (b !== undefined && !SPACE.has(b) && b !== 0x3e) {
      value += String.fromCharCode(lower(b))
      b = this.next()
    }
    return b === undefined ? undefined : [name, value]
  }

  private next(): number | undefined {
    this.position++
    return this.byte()
  }
}
