/**
 * The picture formats a figure is stored as: both decoded by Word, LibreOffice and the window alike, and neither
 * can run anything. An SVG file is drawn as a PNG when it is inserted; only the PNG is kept.
 */
export const FIGURE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const
export type FigureMediaType = (typeof FIGURE_MEDIA_TYPES)[number]

/** A picture stored in the project (table `figures`); a brief's figure node points at it by id. */
export interface FigureInfo {
  id: string
  mediaType: FigureMediaType
  /**
   * The size to show it at, in CSS pixels: a PNG's or JPEG's own pixels (from its header); for a drawn SVG the
   * drawing's own size, its PNG having twice the pixels so that it prints sharp.
   */
  width: number
  height: number
  byteSize: number
  /** The file's name when it was inserted, to show. */
  name: string
}

export interface AddedFigure {
  figure: FigureInfo
  /** Set when the file was not what its name said ("photo.png is a JPEG"), or was an SVG drawn as a picture. */
  note?: string
  /** An SVG's own title, when simple: a start for the alt text, for the analyst to check. */
  suggestedAltText?: string
}

/** The picture's bytes, base64, for the window to show (a blob: address) and nothing else. */
export interface FigureData extends FigureInfo {
  data: string
}
