import { z } from 'zod'
import { BRIEF_TEMPLATES, NOTE_MODES, type BriefDocument, type BriefOutline, type BriefRevision, type BriefSummary } from '../dto/briefs'
import type { CitationChanges, ExportResult, FormattedCitations, IntegrityReport, StyleInfo } from '../dto/citations'
import { TARGET_LIMITS } from '../dto/brief-layout'
import { MAX_BRIEF_JSON_BYTES, MAX_CSL_STYLE_BYTES } from '../limits'
import { empty, fileHandle, id, name } from './common'

const styleId = z.string().min(1).max(80)
/** Evident's additions (shared/dto/briefs.ts EvidentAdditions): each one an on/off switch. */
const additions = z.object({ includeQuotes: z.boolean(), pinpoints: z.boolean(), quoteLinks: z.boolean(), pageLinks: z.boolean(), appendix: z.boolean(), comments: z.boolean(), tableOfContents: z.boolean() })
const targetLength = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('pages'), value: z.number().int().min(TARGET_LIMITS.pages.min).max(TARGET_LIMITS.pages.max, `A target may be at most ${TARGET_LIMITS.pages.max} pages.`) }).strict(),
  z.object({ unit: z.literal('words'), value: z.number().int().min(TARGET_LIMITS.words.min).max(TARGET_LIMITS.words.max, `A target may be at most ${TARGET_LIMITS.words.max.toLocaleString('en-GB')} words.`) }).strict(),
])
/** The brief's house layout and target length (shared/dto/brief-layout.ts); null clears the target. */
const layout = z.object({ numberedParagraphs: z.boolean(), keyMessagesBox: z.boolean(), target: targetLength.nullable() })
/**
 * A save carries the brief as the editor's JSON text (a SerializedBrief), not as an object: the editor keeps it
 * serialised block by block, so sending text costs no second stringify on the keystroke path, its size is a
 * string length, and the core parses it once, checks its shape and depth and stores it as received.
 */
const serializedBriefText = z.string().max(MAX_BRIEF_JSON_BYTES, 'This brief is too large to save.')

export const briefsArgs = {
  'briefs.list': empty,
  'briefs.get': z.object({ id }).strict(),
  'briefs.create': z
    .object({ title: name, template: z.enum(BRIEF_TEMPLATES), questionId: id.nullable().default(null) })
    .strict(),
  'briefs.save': z.object({ id, content: serializedBriefText, baseRevision: z.number().int().min(0).optional() }).strict(),
  'briefs.update': z
    .object({
      id,
      title: name.optional(),
      questionId: id.nullable().optional(),
      style: styleId.optional(),
      notes: z.enum(NOTE_MODES).optional(),
      additions: additions.partial().strict().optional(),
      layout: layout.partial().strict().optional(),
    })
    .strict(),
  'briefs.duplicate': z.object({ id }).strict(),
  'briefs.delete': z.object({ id }).strict(),
  'briefs.undelete': z.object({ id }).strict(),
  'briefs.revisions': z.object({ id }).strict(),
  'briefs.restoreRevision': z.object({ id, revisionId: z.number().int().min(1) }).strict(),
  'briefs.outline': empty,
  'citations.styles': empty,
  'citations.addStyle': z
    .object({ fileName: name, xml: z.string().max(MAX_CSL_STYLE_BYTES, `A style file may be at most ${MAX_CSL_STYLE_BYTES / 1024 / 1024} MB.`) })
    .strict(),
  'citations.format': z
    .object({
      style: styleId,
      notes: z.enum(NOTE_MODES).optional(),
      briefId: id.optional(),
      fresh: z.boolean().optional(),
      since: z.string().max(64).optional(),
      clusters: z.array(z.object({ id: z.string().min(1).max(64), claimIds: z.array(id).min(1).max(100) }).strict()).max(20000),
    })
    .strict()
    .refine((r) => r.clusters.reduce((n, c) => n + c.claimIds.length, 0) <= 20000, 'A brief may hold at most 20,000 citations.'),
  'export.check': z.object({ briefId: id }).strict(),
  'export.docx': z
    .object({
      briefId: id,
      /** From files.pickForWriting (the CLI mints one for --out); a place chosen once is written once. */
      target: fileHandle,
      style: styleId.optional(),
      notes: z.enum(NOTE_MODES).optional(),
      ...additions.partial().shape,
      force: z.boolean().optional(),
    })
    .strict(),
}

export interface BriefsResults {
  'briefs.list': BriefSummary[]
  'briefs.get': BriefDocument
  'briefs.create': BriefDocument
  'briefs.save': BriefSummary
  'briefs.update': BriefSummary
  'briefs.duplicate': BriefSummary
  'briefs.delete': { deleted: boolean }
  'briefs.undelete': BriefSummary
  'briefs.revisions': BriefRevision[]
  'briefs.restoreRevision': BriefDocument
  'briefs.outline': BriefOutline[]
  'citations.styles': StyleInfo[]
  'citations.addStyle': StyleInfo
  'citations.format': FormattedCitations | CitationChanges
  'export.check': IntegrityReport
  'export.docx': ExportResult
}
