import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Resvg as ResvgClass } from '@resvg/resvg-wasm'
import { MAX_SVG_RASTER_PIXELS, MAX_SVG_RASTER_SIDE } from '../../../shared/limits'
import { AppError } from '../../errors'
import { pdfjsDataFolders } from './pdf-data'
import { suggestedAltText } from './svg-title'

/** An SVG drawn as a PNG, with the size to show it at (its own, in CSS pixels) and what was left out. */
export interface RasterisedSvg {
  png: Uint8Array
  /** The size to show the figure at: the drawing's own, or the picture's where the drawing was too large. */
  width: number
  height: number
  pixelWidth: number
  pixelHeight: number
  /** The size the drawing gives itself (width/height, else its viewBox), in CSS pixels. */
  ownWidth: number
  ownHeight: number
  /** What the drawing had that a picture of it cannot (scripts, linked pictures, HTML), for the analyst. */
  leftOut: string[]
  /** The drawing's own title, when it is simple enough to start its alt text from. */
  suggestedAltText?: string
}

/** Drawn at twice its size: sharp when printed, shown at its own size in the brief and in Word. */
const SCALE = 2
/** Text is drawn in the Liberation fonts pdf.js ships (metric twins of Arial): the same picture on every machine. */
const FONT_FILES = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((style) => `LiberationSans-${style}.ttf`)
const FONT_FAMILY = 'Liberation Sans'

type Resvg = InstanceType<typeof ResvgClass>

interface Renderer {
  Resvg: typeof ResvgClass
  fontBuffers: Uint8Array[]
}

let ready: Promise<Renderer> | undefined

/**
 * resvg (Rust, as WebAssembly: the parser process may load no native addon) is given no way out: it runs no
 * script, fetches nothing (WebAssembly has no network or file access; a linked picture is only listed, and we
 * never resolve it), and draws text only with the fonts handed to it.
 */
function start(): Promise<Renderer> {
  ready ??= startOnce()
  return ready
}

/** Loaded on the first drawing only: a reader that only ever reads documents never compiles resvg. */
async function startOnce(): Promise<Renderer> {
  const { initWasm, Resvg } = await import('@resvg/resvg-wasm')
  await initWasm(readFileSync(createRequire(__filename).resolve('@resvg/resvg-wasm/index_bg.wasm')))
  const fontBuffers: Uint8Array[] = FONT_FILES.map((file) => new Uint8Array(readFileSync(join(pdfjsDataFolders().standardFonts, file))))
  return { Resvg, fontBuffers }
}

/** resvg's own words ("SVG data parsing failed cause expected 'rect' tag, not 'svg' at 1:81") as the analyst's. */
function refusal(fileName: string, error: unknown): AppError {
  const said = String((error as Error)?.message ?? error).replace(/^SVG data parsing failed cause\s*/i, '')
  if (/invalid size/i.test(said)) return noSize(fileName)
  if (/entity reference loop/i.test(said)) {
    return new AppError('CORRUPT_FILE', `“${fileName}” declares entities that expand without end (an “entity bomb”), so it was not drawn. Nothing was inserted.`)
  }
  const at = /\bat (\d+):(\d+)\s*$/.exec(said)
  const where = at ? `line ${at[1]}, column ${at[2]}: ` : ''
  const what = said.replace(/\s*\bat \d+:\d+\s*$/, '').slice(0, 200)
  return new AppError('CORRUPT_FILE', `“${fileName}” is not a well-formed SVG drawing (${where}${what}), so it cannot be drawn. Nothing was inserted.`)
}

function noSize(fileName: string): AppError {
  return new AppError('CORRUPT_FILE', `“${fileName}” has no size that can be drawn (its width or height is zero). Nothing was inserted.`)
}

/** What a picture of the drawing leaves out, read from its text (already parsed as well-formed by resvg). */
function leftOut(svg: string): string[] {
  const out: string[] = []
  if (/<script[\s>/]/i.test(svg) || /<[a-z][^>]*\son[a-z]+\s*=/i.test(svg)) out.push('its scripts (never run)')
  const linked = svg.match(/<(?:image|feImage)\b[^>]*?\s(?:xlink:)?href\s*=\s*["'](?!\s*data:)/gi)?.length ?? 0
  if (linked) out.push(`${linked === 1 ? 'a picture' : `${linked} pictures`} it links to elsewhere (never fetched)`)
  if (/<foreignObject[\s>/]/i.test(svg)) out.push('the web-page content in it (foreignObject)')
  return out
}

function fitScale(width: number, height: number): number {
  return Math.min(SCALE, MAX_SVG_RASTER_SIDE / Math.max(width, height), Math.sqrt(MAX_SVG_RASTER_PIXELS / (width * height)))
}

/**
 * Draws an SVG file as a PNG, in a parser process. The drawing's size is read first and the picture's scale
 * chosen from it, so a drawing that claims to be 100,000 px square is drawn at most MAX_SVG_RASTER_SIDE wide,
 * never allocated at the size it claims. A file that is not well-formed XML, or an entity bomb, is refused.
 */
export async function rasteriseSvg(fileName: string, bytes: Uint8Array): Promise<RasterisedSvg> {
  const { Resvg, fontBuffers } = await start()
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  let measured: Resvg | undefined
  let drawn: Resvg | undefined
  try {
    try {
      measured = new Resvg(text, { font: { fontBuffers: [] } })
    } catch (error) {
      throw refusal(fileName, error)
    }
    const { width, height } = measured
    if (!(width > 0 && height > 0) || !Number.isFinite(width * height)) throw noSize(fileName)
    const scale = fitScale(width, height)
    if (Math.min(width, height) * scale < 1) {
      const size = `${Math.round(width).toLocaleString('en-GB')} × ${Math.round(height).toLocaleString('en-GB')}`
      throw new AppError('FILE_TOO_LARGE', `“${fileName}” is ${size} px: drawn small enough to insert, it would be less than a pixel across. Nothing was inserted.`)
    }
    const font = { fontBuffers, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, serifFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY, cursiveFamily: FONT_FAMILY, fantasyFamily: FONT_FAMILY }
    drawn = new Resvg(text, { font, fitTo: { mode: 'zoom', value: scale }, background: 'white' })
    const image = drawn.render()
    try {
      const shown = Math.min(1, scale)
      const alt = suggestedAltText(text)
      return {
        png: image.asPng(),
        width: Math.max(1, Math.round(width * shown)),
        height: Math.max(1, Math.round(height * shown)),
        pixelWidth: image.width,
        pixelHeight: image.height,
        ownWidth: width,
        ownHeight: height,
        leftOut: leftOut(text),
        ...(alt ? { suggestedAltText: alt } : {}),
      }
    } finally {
      image.free()
    }
  } finally {
    measured?.free()
    drawn?.free()
  }
}
