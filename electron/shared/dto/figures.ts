/** The picture formats a figure may be: both decoded by Word, LibreOffice and the window alike, and neither can run anything. */
export const FIGURE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const
export type FigureMediaType = (typeof FIGURE_MEDIA_TYPES)[number]

/** A picture stored in the project (table `figures`); a brief's figure node points at it by id. */
export interface FigureInfo {
  id: string
  mediaType: FigureMediaType
  /** Pixels, read from the file's header. */
  width: number
  height: number
  byteSize: number
  /** The file's name when it was inserted, to show. */
  name: string
}

export interface AddedFigure {
  figure: FigureInfo
  /** Set when the file was not what its name said but a picture all the same ("photo.png is a JPEG"). */
  note?: string
}

/** The picture's bytes, base64, for the window to show (a blob: address) and nothing else. */
export interface FigureData extends FigureInfo {
  data: string
}
