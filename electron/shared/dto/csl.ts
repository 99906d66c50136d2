/** CSL-JSON, the bibliographic record every citation style reads. Only the fields we edit are named. */
/** A CSL name, with the particles and suffix reference managers write ("van Gogh", "King, Jr."). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
  suffix?: string
  'comma-suffix'?: string | number | boolean
  'static-ordering'?: string | number | boolean
  'parse-names'?: string | number | boolean
}

export interface CslDate {
  'date-parts'?: (number | string)[][]
  season?: string | number
  circa?: string | number | boolean
  raw?: string
  literal?: string
}

export interface CslItem {
  id: string
  type: string
  title?: string
  author?: CslName[]
  editor?: CslName[]
  'container-title'?: string
  publisher?: string
  'publisher-place'?: string
  issued?: CslDate
  accessed?: CslDate
  volume?: string
  issue?: string
  page?: string
  DOI?: string
  URL?: string
  ISBN?: string
  note?: string
  [field: string]: unknown
}

/** The CSL types offered in the record form. */
export const CSL_TYPES = [
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'post-weblog',
  'webpage',
  'report',
  'book',
  'chapter',
  'legislation',
  'speech',
  'interview',
  'document',
] as const
