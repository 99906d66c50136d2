import type { Entry, ZipFile } from 'yauzl'
import { AppError } from '../../errors'
import type { ExtractedDocument } from '../extracted'
import { metadataFromCoreXml } from '../metadata'
import { labelled } from '../provenance'
import { linesToBlocks, looksHardWrapped } from '../normalise'
import { altChunkBlocks } from './docx-altchunk'
import { htmlToBlocks } from './html'

export interface DocxOptions {
  maxInflatedBytes: number
  /** How many .docx altChunks deep this document sits: one inside another is read, deeper ones are not. */
  depth?: number
}

const CORE_XML_MAX = 1024 * 1024
const MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

function mb(bytes: number): string {
  const value = bytes / (1024 * 1024)
  return Number.isInteger(value) || value >= 10 ? String(Math.round(value)) : value.toFixed(1)
}

/** Word saves password-protected documents as an OLE compound file with an EncryptionInfo stream. */
function refuseCompoundFile(fileName: string, bytes: Uint8Array): never {
  const marker = Buffer.from('EncryptionInfo', 'utf16le')
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) {
    throw new AppError('ENCRYPTED', `"${fileName}" is password-protected: Evident cannot read password-protected Word documents.`)
  }
  throw new AppError(
    'CORRUPT_FILE',
    `"${fileName}" is not a Word document (.docx): it looks like an old-style .doc file. Open it in Word and save it as .docx.`,
  )
}

interface Prescan {
  coreXml?: string
  /** The body holds w:altChunk: parts imported whole (HTML, RTF, text, another .docx) that mammoth skips. */
  hasAltChunk?: boolean
  /** The relationship file and the parts an altChunk may name, kept while inflating (see docx-altchunk.ts). */
  parts?: Map<string, Buffer>
}

/** Parts kept for altChunks: the body's relationships and embedded documents beside it. */
const KEPT_PART = /^word\/(?:_rels\/document\.xml\.rels|[^/]+\.(?:html?|xhtml|mht|mhtml|rtf|txt|docx))$/i

/**
 * Inflates every entry once, counting the bytes that actually come out (zip bombs declare small sizes),
 * and refuses any XML part with a DTD before mammoth's parser ever sees it.
 */
async function prescan(fileName: string, bytes: Uint8Array, maxInflated: number): Promise<Prescan> {
  const { default: yauzl } = await import('yauzl')
  const notDocx = () => new AppError('CORRUPT_FILE', `"${fileName}" is not a Word document (.docx): it is not a valid zip file.`)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false }, (error, file) =>
      error || !file ? reject(notDocx()) : resolve(file),
    )
  })
  let total = 0
  let sawDocument = false
  const core: Buffer[] = []
  const parts = new Map<string, Buffer[]>()
  let hasAltChunk = false
  return new Promise<Prescan>((resolve, reject) => {
    let settled = false
    const fail = (error: AppError) => {
      if (settled) return
      settled = true
      zip.close()
      reject(error)
    }
    const readEntry = (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry()
      if (entry.fileName === 'word/document.xml') sawDocument = true
      const isXml = /\.(?:xml|rels)$/i.test(entry.fileName)
      const isCore = entry.fileName === 'docProps/core.xml'
      const isBody = entry.fileName === 'word/document.xml'
      const kept: Buffer[] | null = KEPT_PART.test(entry.fileName) ? [] : null
      if (kept) parts.set(entry.fileName, kept)
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(new AppError('CORRUPT_FILE', `"${fileName}" is damaged: part of it cannot be unpacked.`))
        let tail = ''
        let coreBytes = 0
        stream.on('data', (chunk: Buffer) => {
          if (settled) return
          total += chunk.length
          if (total > maxInflated) {
            stream.destroy()
            return fail(
              new AppError('FILE_TOO_LARGE', `"${fileName}" expands to more than ${mb(maxInflated)} MB when unpacked: Evident will not open it.`),
            )
          }
          if (isXml) {
            // NULs removed so a UTF-16 part cannot hide its DOCTYPE; the tail catches one split across chunks.
            const text = tail + chunk.toString('latin1').replace(/\0/g, '')
            if (/<!\s*(?:DOCTYPE|ENTITY)/i.test(text)) {
              stream.destroy()
              return fail(
                new AppError('CORRUPT_FILE', `"${fileName}" contains a document type declaration (DOCTYPE), which Word never writes: Evident refuses it for safety.`),
              )
            }
            if (isBody && !hasAltChunk) hasAltChunk = /<w:altChunk\b/.test(text)
            tail = text.slice(-16)
          }
          kept?.push(chunk)
          if (isCore && coreBytes < CORE_XML_MAX) {
            core.push(chunk)
            coreBytes += chunk.length
          }
        })
        stream.on('error', () => fail(new AppError('CORRUPT_FILE', `"${fileName}" is damaged: part of it cannot be unpacked.`)))
        stream.on('end', () => {
          if (!settled) zip.readEntry()
        })
      })
    }
    zip.on('entry', readEntry)
    zip.on('error', () => fail(notDocx()))
    zip.on('end', () => {
      if (settled) return
      settled = true
      if (!sawDocument) reject(new AppError('CORRUPT_FILE', `"${fileName}" is not a Word document (.docx): it is a zip file without a document inside.`))
      else {
        resolve({
          ...(core.length ? { coreXml: Buffer.concat(core).toString('utf8') } : {}),
          hasAltChunk,
          parts: new Map([...parts].map(([name, chunks]) => [name, Buffer.concat(chunks)])),
        })
      }
    })
    zip.readEntry()
  })
}

export async function extractDocx(fileName: string, bytes: Uint8Array, options: DocxOptions): Promise<ExtractedDocument> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) refuseCompoundFile(fileName, bytes)
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is not a Word document (.docx): it is not a zip file.`)
  }
  const { coreXml, hasAltChunk, parts } = await prescan(fileName, bytes, options.maxInflatedBytes)
  const { default: mammoth } = await import('mammoth')
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // Text only: images are never decoded into data URIs, linked files never opened.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: false,
      },
    )
    html = result.value
  } catch (error) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: Word's document part inside it cannot be read.`, { cause: error })
  }
  // Mammoth adds a "↑" link back from each footnote to its reference; it is not the author's text.
  html = html.replace(/<a href="#footnote-ref-[^"]*">↑<\/a>/g, '').replace(/<a href="#endnote-ref-[^"]*">↑<\/a>/g, '')
  const paragraphs = await htmlToBlocks(html, undefined, { keepEmpty: true })
  const texts = paragraphs.map((block) => block.text)
  const own = looksHardWrapped(texts) ? linesToBlocks(texts.map((text) => ({ text }))) : paragraphs.filter((block) => block.text)
  // Mammoth skips altChunks; their text follows the body's own (a body made only of them is the usual case).
  const blocks = hasAltChunk && parts ? [...own, ...(await altChunkBlocks(fileName, parts, options, extractDocx))] : own
  const record = labelled(coreXml ? metadataFromCoreXml(coreXml) : {}, { kind: 'document', detail: "the Word file's core properties" })
  return { format: 'docx', mime: MIME, blocks, ...record }
}

/** Pictures a .docx holds are shown inline up to this size; bigger ones and linked ones are placeholders. */
const MAX_VIEW_IMAGE_BYTES = 8 * 1024 * 1024
const VIEW_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'])

/**
 * The document as mammoth lays it out, for the Original view: the same checks as an import (zip bomb, DTD),
 * its own pictures as data: addresses, never a linked file or address (those become placeholders later).
 */
export async function docxViewHtml(fileName: string, bytes: Uint8Array, maxInflated: number): Promise<string> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('CORRUPT_FILE', `"${fileName}" is not a Word document (.docx): it is not a zip file.`)
  await prescan(fileName, bytes, maxInflated)
  const { default: mammoth } = await import('mammoth')
  const picture = mammoth.images.imgElement(async (image) => {
    if (!VIEW_IMAGE_TYPES.has(image.contentType)) return { src: '' }
    try {
      const data = await image.read('base64')
      return data.length * 0.75 > MAX_VIEW_IMAGE_BYTES ? { src: '' } : { src: `data:${image.contentType};base64,${data}` }
    } catch {
      return { src: '' }
    }
  })
  try {
    const options = { styleMap: ["p[style-name='Title'] => h1:fresh"], convertImage: picture, externalFileAccess: false }
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, options)).value
  } catch (error) {
    throw new AppError('CORRUPT_FILE', `"${fileName}" is damaged: Word's document part inside it cannot be read.`, { cause: error })
  }
}
