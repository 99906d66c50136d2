import { z } from 'zod'
import type { CitationSnapshot } from '../dto/brief-nodes'
import {
  CLAIM_SORTS,
  EVIDENCE_TYPES,
  QUOTE_DECISIONS,
  STANCES,
  STRENGTHS,
  type Claim,
  type ClaimPage,
  type PlacedOnPages,
  type Question,
  type Suggestion,
  type Tag,
} from '../dto/claims'
import type { CitingBrief } from '../dto/trash'
import { pdfPage, pdfPlaceSchema, pdfRects } from '../pdf-place-schema'
import { MAX_NOTE_CHARS, MAX_PDF_FINDINGS, MAX_QUOTE_CHARS, MAX_SEARCH_QUERY_CHARS, MAX_SNAPSHOT_CLAIMS, MAX_STATEMENT_CHARS } from '../limits'
import { empty, id, name, offset } from './common'

const stance = z.object({ questionId: id, stance: z.enum(STANCES) }).strict()
const statement = z.string().max(MAX_STATEMENT_CHARS, `A statement may be at most ${MAX_STATEMENT_CHARS} characters.`)
const fields = {
  statement: statement.optional(),
  tagIds: z.array(id).max(100).optional(),
  stances: z.array(stance).max(50).optional(),
  evidenceType: z.enum(EVIDENCE_TYPES).nullable().optional(),
  strength: z.enum(STRENGTHS).nullable().optional(),
  note: z.string().max(MAX_NOTE_CHARS, `A note may be at most ${MAX_NOTE_CHARS} characters.`).optional(),
}
const exact = z
  .string()
  .max(MAX_QUOTE_CHARS, `A quote may be at most ${MAX_QUOTE_CHARS} characters: select a shorter passage.`)
  .refine((s) => s.trim().length > 0, 'Select some text first: the selection is empty.')

const placeFinding = z.object({ id, start: offset, end: offset, page: pdfPage, rects: pdfRects }).strict()

export const claimsArgs = {
  /** `pdf`: made on a PDF's page in the Original view, that page and the selection's rectangles in user space. */
  'claims.create': z.object({ sourceId: id, start: offset, end: offset, exact, pdf: pdfPlaceSchema.optional(), ...fields }).strict(),
  /**
   * What the Original view found on a PDF's pages for claims made without a place (before places were kept,
   * or in the clean text): each found claim takes its page and rectangles, each not found is marked so.
   * `start`/`end` are the anchor it looked for: a claim anchored elsewhere since is left alone.
   */
  'claims.placeOnPages': z
    .object({
      sourceId: id,
      findings: z
        .array(z.union([z.object({ id, start: offset, end: offset, notFound: z.literal(true) }).strict(), placeFinding]))
        .min(1, 'Give at least one claim’s place.')
        .max(MAX_PDF_FINDINGS, `At most ${MAX_PDF_FINDINGS} claims’ places can be given at once.`),
    })
    .strict(),
  /** Cite a reference-only source as a whole work: a claim with no quote, until its full text is attached. */
  'claims.citeWholeWork': z.object({ sourceId: id, ...fields }).strict(),
  'claims.update': z.object({ id, patch: z.object(fields).strict() }).strict(),
  'claims.delete': z.object({ id }).strict(),
  /** The briefs that cite a claim, for the confirmation before it goes to the Trash. */
  'claims.citedBy': z.object({ id }).strict(),
  'claims.get': z.object({ id }).strict(),
  'claims.getMany': z.object({ ids: z.array(id).max(5000) }).strict(),
  /** What citation nodes store, for one claim (a list of one) or a cluster; in the order asked for. */
  'claims.snapshot': z
    .object({
      ids: z
        .array(id)
        .min(1, 'Choose at least one claim to cite.')
        .max(MAX_SNAPSHOT_CLAIMS, `At most ${MAX_SNAPSHOT_CLAIMS} claims can be cited at once.`),
    })
    .strict(),
  'claims.forSource': z.object({ sourceId: id }).strict(),
  'claims.search': z
    .object({
      text: z.string().max(MAX_SEARCH_QUERY_CHARS).optional(),
      sourceId: id.optional(),
      tagId: id.optional(),
      questionId: id.optional(),
      stance: z.enum(STANCES).optional(),
      evidenceType: z.enum(EVIDENCE_TYPES).optional(),
      strength: z.enum(STRENGTHS).optional(),
      status: z.enum(['anchored', 'orphaned']).optional(),
      sort: z.enum(CLAIM_SORTS).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  'claims.reattach': z.object({ id, start: offset, end: offset, exact }).strict(),
  /** A claim "changed in the source": take the source's new words as its quote, or keep the cited words. */
  'claims.resolveQuoteChange': z.object({ id, decision: z.enum(QUOTE_DECISIONS) }).strict(),
  'claims.suggestions': z.object({ sourceId: id }).strict(),
  'claims.dismissSuggestion': z.object({ sourceId: id, key: z.string().min(1).max(128) }).strict(),
  'tags.list': empty,
  'tags.create': z.object({ name, parentId: id.nullable().default(null) }).strict(),
  'tags.rename': z.object({ id, name }).strict(),
  'tags.move': z.object({ id, parentId: id.nullable() }).strict(),
  'tags.merge': z.object({ fromId: id, intoId: id }).strict(),
  'tags.delete': z.object({ id, force: z.boolean().default(false) }).strict(),
  'questions.list': empty,
  'questions.create': z.object({ text: z.string().trim().min(1, 'Write the question first.').max(500) }).strict(),
  'questions.rename': z.object({ id, text: z.string().trim().min(1, 'Write the question first.').max(500) }).strict(),
  'questions.delete': z.object({ id, force: z.boolean().default(false) }).strict(),
}

export interface ClaimsResults {
  'claims.create': Claim
  'claims.placeOnPages': PlacedOnPages
  'claims.citeWholeWork': Claim
  'claims.update': Claim
  'claims.delete': { deleted: boolean }
  'claims.citedBy': CitingBrief[]
  'claims.get': Claim
  'claims.getMany': Claim[]
  'claims.snapshot': CitationSnapshot[]
  'claims.forSource': Claim[]
  'claims.search': ClaimPage
  'claims.reattach': Claim
  'claims.resolveQuoteChange': Claim
  'claims.suggestions': Suggestion[]
  'claims.dismissSuggestion': { dismissed: boolean }
  'tags.list': Tag[]
  'tags.create': Tag
  'tags.rename': Tag
  'tags.move': Tag
  'tags.merge': Tag
  'tags.delete': { deleted: boolean; claimCount: number }
  'questions.list': Question[]
  'questions.create': Question
  'questions.rename': Question
  'questions.delete': { deleted: boolean; claimCount: number }
}

export { MAX_SEARCH_QUERY_CHARS }
