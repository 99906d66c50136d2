import { extname } from 'node:path'
import type { FigureMediaType } from '../../shared/dto/figures'
import { MAX_FIGURE_BYTES, MAX_FIGURE_PIXELS } from '../../shared/limits'
import { AppError } from '../errors'
import { binaryKind, megabytes } from '../sources/extract'

export interface SniffedImage {
  mediaType: FigureMediaType
  width: number
  height: number
  /** Set when the name said one picture format and the bytes are the other. */
  note?: string
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const NAMED: Record<string, FigureMediaType | 'svg'> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'svg' }
const LABEL: Record<FigureMediaType, string> = { 'image/png': 'a PNG image', 'image/jpeg': 'a JPEG image' }

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte)
}

/**
 * SVG is text: an XML declaration, comments or a doctype (Illustrator's declares entities in it) may come before
 * the <svg> element. Whether it really is one is for resvg to say, in a reader.
 */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '').trimStart()
  return /^</.test(head) && /<svg[\s>]/i.test(head)
}

/** The IHDR chunk is always first, at a fixed place: width and height are its first eight bytes. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** Walks the JPEG's marker segments (bounded by the buffer, never decoding) to its start-of-frame. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let i = 2
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]!
    if (marker === 0xff) {
      i++
      continue
    }
    // Markers without a length: restart markers, TEM.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null
    const length = view.getUint16(i + 2)
    if (length < 2) return null
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > bytes.length) return null
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) }
    }
    i += 2 + length
  }
  return null
}

/** The refusal for a file over MAX_FIGURE_BYTES, given its size on disk (the caller need not read it all). */
export function figureTooLarge(name: string, size: number): AppError {
  return new AppError('FILE_TOO_LARGE', `“${name}” is ${megabytes(size)}: a figure may be at most ${megabytes(MAX_FIGURE_BYTES)}. Save it smaller (a lower resolution, or JPEG for a photograph) and insert it again.`)
}

/** A picture file's bytes are refused before anything reads them when there are none or too many. */
export function checkSize(name: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError('EMPTY_FILE', `“${name}” is empty: there is no picture in it.`)
  if (bytes.length > MAX_FIGURE_BYTES) throw figureTooLarge(name, bytes.length)
}

/**
 * What a picture file really is, by its bytes, whatever its name says: PNG and JPEG are stored as they are (an SVG is
 * drawn as a PNG first: see figure-picture.ts). Its
 * size is read from its header (no pixel is decoded in the core), so a picture too large to decode is refused
 * before the window or Word tries. A PNG named .jpg is taken as what it is, and the result says so.
 */
export function sniffImage(name: string, bytes: Uint8Array): SniffedImage {
  checkSize(name, bytes)
  const extension = extname(name).toLowerCase()
  const named = NAMED[extension]
  const mediaType: FigureMediaType | null = startsWith(bytes, PNG_SIGNATURE) ? 'image/png' : startsWith(bytes, [0xff, 0xd8, 0xff]) ? 'image/jpeg' : null
  if (!mediaType) {
    const kind = binaryKind(bytes)
    const said = named ? `is named as ${named === 'svg' ? 'an SVG drawing' : LABEL[named]} but ` : ''
    throw new AppError('UNSUPPORTED_FORMAT', `“${name}” ${said}is ${kind ?? 'not a PNG, JPEG or SVG picture'}${kind ? ', not a PNG, JPEG or SVG picture' : ''}. Nothing was inserted.`)
  }
  const size = mediaType === 'image/png' ? pngSize(bytes) : jpegSize(bytes)
  if (!size || size.width === 0 || size.height === 0) {
    throw new AppError('CORRUPT_FILE', `“${name}” starts like ${LABEL[mediaType]} but is damaged: its size cannot be read. Nothing was inserted.`)
  }
  if (size.width * size.height > MAX_FIGURE_PIXELS) {
    throw new AppError('FILE_TOO_LARGE', `“${name}” is ${size.width.toLocaleString('en-GB')} × ${size.height.toLocaleString('en-GB')} pixels: a figure may have at most ${(MAX_FIGURE_PIXELS / 1e6).toFixed(0)} million. Save it at a lower resolution and insert it again.`)
  }
  const note = extension && named !== mediaType ? `“${name}” is really ${LABEL[mediaType]}, whatever its name says: it was inserted as one.` : undefined
  return { mediaType, ...size, ...(note ? { note } : {}) }
}
