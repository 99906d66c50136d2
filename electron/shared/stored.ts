import { z } from 'zod'
import type { ClaimAnchor } from './dto/claims'
import type { CslItem } from './dto/csl'
import { PROVENANCE_KINDS, type RecordProvenance } from './dto/provenance'
import type { NoteMarker, OcrReading, OcrWord, Paragraph } from './dto/sources'
import { MAX_OCR_WORD_CHARS, MAX_OCR_WORDS_PER_PAGE, MAX_PDF_COORDINATE } from './limits'
import { pdfPlaceSchema } from './pdf-place-schema'
import { NOTICE_KINDS, type SourceNotice } from './dto/source-updates'

/**
 * The JSON a project file stores in its columns, checked when read back: a damaged or hand-edited file gives
 * a plain message instead of a crash deep in the UI. Looser than the contract's input schemas on purpose: a
 * record imported before a limit existed must still open.
 */
export const storedAnchor: z.ZodType<ClaimAnchor> = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number(),
  end: z.number(),
  paragraph: z.number(),
  page: z.string().optional(),
  // A damaged place is dropped, not the claim: the quote is found on its page again from its words.
  pdf: pdfPlaceSchema.optional().catch(undefined),
  pdfNotFound: z.literal(true).optional().catch(undefined),
})

export const storedParagraphs: z.ZodType<Paragraph[]> = z.array(
  z.object({
    number: z.number(),
    kind: z.enum(['heading', 'paragraph']),
    text: z.string(),
    start: z.number(),
    end: z.number(),
    page: z.string().optional(),
  }),
)

export const storedOcrReading: z.ZodType<OcrReading> = z.object({
  pages: z.number(),
  meanConfidence: z.number(),
  words: z.number(),
  doubtfulWords: z.number(),
  unreadPages: z.array(z.number()),
})

const ocrCoordinate = z.number().min(-MAX_PDF_COORDINATE).max(MAX_PDF_COORDINATE)
const ocrWord: z.ZodType<OcrWord> = z.tuple([z.string().min(1).max(MAX_OCR_WORD_CHARS), ocrCoordinate, ocrCoordinate, ocrCoordinate, ocrCoordinate])

/**
 * One scanned page's OCR words, line by line (`source_ocr_words.lines`): checked as the parser process hands them
 * over (it reads hostile files) and when read back, at most MAX_OCR_WORDS_PER_PAGE words.
 */
export const storedOcrLines: z.ZodType<OcrWord[][]> = z
  .array(z.array(ocrWord).min(1))
  .refine((lines) => lines.reduce((sum, line) => sum + line.length, 0) <= MAX_OCR_WORDS_PER_PAGE)

export const storedNoteMarkers: z.ZodType<NoteMarker[]> = z.array(z.object({ start: z.number(), end: z.number(), label: z.string() }))

const storedName = z.looseObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() })

/** A CSL-JSON record: the fields Evident reads are typed, the rest kept as they were. */
const storedDate = z.looseObject({
  'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  raw: z.string().optional(),
  literal: z.string().optional(),
})

export const storedCsl: z.ZodType<CslItem> = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string().optional(),
  author: z.array(storedName).optional(),
  editor: z.array(storedName).optional(),
  'container-title': z.string().optional(),
  issued: storedDate.optional(),
  accessed: storedDate.optional(),
})

/** Field provenance; a kind this version does not know is kept as a guess rather than refusing the source. */
export const storedProvenance: z.ZodType<RecordProvenance> = z.record(
  z.string(),
  z.object({
    kind: z.string().transform((kind) => PROVENANCE_KINDS.find((k) => k === kind) ?? 'guessed'),
    detail: z.string().optional(),
    confirmedAt: z.string().optional(),
  }),
)

/** Notices of a source (Check sources); a kind this version does not know reads as a plain update. */
export const storedNotices: z.ZodType<SourceNotice[]> = z.array(
  z.object({
    kind: z.string().transform((kind) => NOTICE_KINDS.find((k) => k === kind) ?? 'other'),
    type: z.string(),
    label: z.string(),
    doi: z.string(),
    url: z.string(),
    date: z.string().optional(),
    reportedBy: z.string().optional(),
  }),
)

/** A row in the Trash, column by column as `trash/store.ts` encoded it (blobs marked, not inline). */
export const storedTrashValues = z.record(z.string(), z.unknown())

/** The links a trashed item's going unset (ON DELETE SET NULL), each `[rowid, value]`, put back on restore. */
export const storedNulledLinks = z.array(z.object({ table: z.string(), column: z.string(), links: z.array(z.tuple([z.number(), z.unknown()])) }))

/** What the Trash keeps of a source beside its rows. */
export interface SourceMeta {
  sha256: string
  /** Its claims with the status each had, so claims orphaned before keep that status. */
  claims: { id: string; status: string }[]
}
export const storedSourceMeta: z.ZodType<SourceMeta> = z.object({ sha256: z.string(), claims: z.array(z.object({ id: z.string(), status: z.string() })) })

/** Where a trashed claim came from, so its restore can say that its source is in the Trash too. */
export interface ClaimMeta {
  sourceId: string | null
  sourceTitle: string
  sha256: string | null
}
export const storedClaimMeta: z.ZodType<ClaimMeta> = z.object({ sourceId: z.string().nullable(), sourceTitle: z.string(), sha256: z.string().nullable() })
