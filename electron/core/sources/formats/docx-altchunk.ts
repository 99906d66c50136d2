import { AppError } from '../../errors'
import type { Block, ExtractedDocument } from '../extracted'
import { normaliseText } from '../normalise'
import type { DocxOptions } from './docx'
import { decodeHtml, htmlToBlocks, withoutScriptText } from './html'
import { decodeText } from './txt'

/**
 * A w:altChunk is a whole document Word was told to import at that point of the body: HTML, RTF, plain
 * text or another .docx, stored as a part of the package (tools that generate Word files write their
 * whole content this way). Mammoth skips them; this reads each part the body's relationships name as one,
 * in their order. External targets are never followed.
 */
const AF_CHUNK = /\/aFChunk$/i

type ReadDocx = (fileName: string, bytes: Uint8Array, options: DocxOptions) => Promise<ExtractedDocument>

export async function altChunkBlocks(fileName: string, parts: Map<string, Buffer>, options: DocxOptions, readDocx: ReadDocx): Promise<Block[]> {
  const rels = parts.get('word/_rels/document.xml.rels')?.toString('utf8') ?? ''
  const blocks: Block[] = []
  for (const [, attributes] of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes!)?.[1]
    if (!AF_CHUNK.test(attribute('Type') ?? '') || attribute('TargetMode') === 'External') continue
    const target = (attribute('Target') ?? '').replace(/^\/?(?:word\/)?/, '')
    const bytes = parts.get(`word/${target}`)
    if (bytes) blocks.push(...(await chunkBlocks(fileName, target, new Uint8Array(bytes), options, readDocx)))
  }
  return blocks
}

async function chunkBlocks(fileName: string, part: string, bytes: Uint8Array, options: DocxOptions, readDocx: ReadDocx): Promise<Block[]> {
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase()
  switch (extension) {
    case 'htm':
    case 'html':
    case 'xhtml':
      return htmlToBlocks(withoutScriptText(decodeHtml(fileName, bytes)))
    case 'txt':
      return normaliseText(decodeText(fileName, bytes))
    case 'rtf':
      return normaliseText(rtfToText(new TextDecoder('latin1').decode(bytes)))
    case 'docx': {
      // One .docx inside another is read; a chain deeper than that is a trick, not a document.
      if ((options.depth ?? 0) >= 1) return []
      return (await readDocx(fileName, bytes, { ...options, depth: (options.depth ?? 0) + 1 })).blocks
    }
    default:
      throw new AppError(
        'UNSUPPORTED_FORMAT',
        `"${fileName}" keeps its text in an embedded ${extension.toUpperCase()} part, which Evident cannot read yet: open it in Word and save it again as .docx.`,
      )
  }
}

// Destinations whose text is not the document's: font and colour tables, styles, pictures, metadata.
const SKIPPED_DESTINATIONS = new Set('fonttbl colortbl stylesheet info pict object themedata colorschememapping datastore latentstyles listtable listoverridetable rsidtbl generator xmlnstbl header footer'.split(' '))
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** The text of an RTF document: groups, control words and hidden destinations dropped, \par as a new line. */
export function rtfToText(rtf: string): string {
  const out: string[] = []
  // One entry per open group: whether its text is skipped.
  const skipping: boolean[] = [false]
  let skipNext = 0
  const emit = (given: string) => {
    let text = given
    if (skipping[skipping.length - 1]) return
    // \uN is followed by one fallback character for readers without Unicode: dropped, not the text after it.
    if (skipNext > 0) {
      skipNext = 0
      text = text.slice(1)
    }
    out.push(text)
  }
  const token = /\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-f]{2})|\\([^a-z])|([{}])|([^\\{}\r\n]+)|[\r\n]+/gi
  for (const m of rtf.matchAll(token)) {
    const [, word, param, hex, symbol, brace, text] = m
    if (brace === '{') skipping.push(skipping[skipping.length - 1]!)
    else if (brace === '}') {
      if (skipping.length > 1) skipping.pop()
    } else if (word) {
      if (SKIPPED_DESTINATIONS.has(word)) skipping[skipping.length - 1] = true
      else if (word === 'par' || word === 'line' || word === 'sect' || word === 'page') emit('\n\n')
      else if (word === 'tab') emit('\t')
      else if (word === 'u' && param) {
        emit(String.fromCharCode((Number(param) + 65536) % 65536))
        skipNext = 1
      }
    } else if (hex) {
      const code = parseInt(hex, 16)
      emit(code >= 0x80 && code <= 0x9f ? WINDOWS_1252_HIGH[code - 0x80]! : String.fromCharCode(code))
    } else if (symbol) {
      if (symbol === '*') skipping[skipping.length - 1] = true
      else if (symbol === '~') emit('\u00a0')
      else if (symbol === '\\' || symbol === '{' || symbol === '}') emit(symbol)
    } else if (text) emit(text)
  }
  return out.join('')
}
