import type { FigureMediaType } from '../../shared/dto/figures'
import type { RasterisedSvg } from '../sources/formats/svg-raster'
import { checkSize, looksLikeSvg, sniffImage } from './figure-image'

/** A picture ready to store: the bytes the brief and Word will show, and the size to show them at. */
export interface CheckedPicture {
  mediaType: FigureMediaType
  width: number
  height: number
  bytes: Uint8Array
  note?: string
  suggestedAltText?: string
}

/** Draws an SVG as a PNG: a parser process's job (ctx.parser.rasterise), never the app's. */
export type DrawSvg = (job: { fileName: string; bytes: Uint8Array }) => Promise<RasterisedSvg>

const count = (n: number) => Math.round(n).toLocaleString('en-GB')

function listed(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** What the analyst is told about a drawing made into a picture: its size, and anything it had that a picture cannot. */
function drawnNote(name: string, drawn: RasterisedSvg): string {
  const smaller = drawn.pixelWidth < drawn.ownWidth
  const size = `${count(drawn.pixelWidth)} × ${count(drawn.pixelHeight)} pixels`
  const how = smaller ? `drawn smaller than the ${count(drawn.ownWidth)} × ${count(drawn.ownHeight)} it gives itself, as a picture of ${size}` : `drawn as a picture of ${size}`
  const left = drawn.leftOut.length ? ` Left out of the picture: ${listed(drawn.leftOut)}.` : ''
  return `“${name}” is an SVG drawing: it was ${how}, for the brief and for Word.${left}`
}

/**
 * What a chosen picture file becomes in the project. PNG and JPEG are kept as they are (checked by their
 * headers); an SVG, which can carry scripts and links, is drawn as a PNG by a reader and only the picture is
 * kept. Throws the refusal, with the reason, for anything else.
 */
export async function checkPicture(name: string, bytes: Uint8Array, drawSvg: DrawSvg): Promise<CheckedPicture> {
  checkSize(name, bytes)
  if (looksLikeSvg(bytes)) {
    const drawn = await drawSvg({ fileName: name, bytes })
    const alt = drawn.suggestedAltText ? { suggestedAltText: drawn.suggestedAltText } : {}
    return { mediaType: 'image/png', width: drawn.width, height: drawn.height, bytes: drawn.png, note: drawnNote(name, drawn), ...alt }
  }
  return bitmapPicture(name, bytes)
}

/** A PNG or JPEG, kept as it is once its header is checked (sniffImage refuses with the reason). */
export function bitmapPicture(name: string, bytes: Uint8Array): CheckedPicture {
  const { note, ...image } = sniffImage(name, bytes)
  return { ...image, bytes, ...(note ? { note } : {}) }
}
