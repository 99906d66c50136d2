import { z } from 'zod'
import type {
  ImportStarted,
  NewVersionResult,
  OriginalFile,
  OcrPageWords,
  OriginalRange,
  ReferenceFileReading,
  RemoveImpact,
  SourceDetail,
  SourceSearchHit,
  SourceSummary,
} from '../dto/sources'
import { MAX_ADDRESS_CHARS, MAX_IMPORT_ADDRESSES, MAX_IMPORT_BATCH_FILES, MAX_IMPORT_FILE_BYTES, MAX_ORIGINAL_RANGE_BYTES, MAX_PDF_PAGE, MAX_REFERENCE_FILE_BYTES, MAX_SEARCH_QUERY_CHARS } from '../limits'
import { LOOKUP_SERVICES, MAX_PROVENANCE_DETAIL_CHARS } from '../dto/provenance'
import { IDENTIFIER_KINDS, type LookupResult } from '../dto/lookup'
import type { OriginalView } from '../dto/original-view'
import type { OnlineCheckReport } from '../dto/source-updates'
import { empty, fileHandle, id, name } from './common'
import { cslItem } from './csl'
import { MAX_ZOTERO_IMPORT_ITEMS, ZOTERO_KEY_PATTERN } from '../dto/zotero'

const MB = 1024 * 1024
const base64Limit = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4

const detail = z.string().trim().min(1).max(MAX_PROVENANCE_DETAIL_CHARS)
/**
 * What a write may say about where the fields it sets came from. The document's metadata, the text and
 * guesses are the importers' to record, never a caller's.
 */
export const fieldOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entered') }).strict(),
  z.object({ kind: z.literal('reference-file'), detail }).strict(),
  z.object({ kind: z.literal('lookup'), detail: z.enum(LOOKUP_SERVICES) }).strict(),
])
const cslFieldName = z.string().min(1).max(100)

export { cslItem }

export const sourcesArgs = {
  'sources.list': empty,
  'sources.get': z.object({ id }).strict(),
  'sources.import': z
    .object({ files: z.array(fileHandle).min(1, 'Choose at least one file.').max(MAX_IMPORT_BATCH_FILES, `At most ${MAX_IMPORT_BATCH_FILES} files at once.`) })
    .strict(),
  'sources.importData': z
    .object({
      files: z
        .array(
          z
            .object({
              name: name,
              dataBase64: z.string().max(base64Limit, `A file may be at most ${MAX_IMPORT_FILE_BYTES / MB} MB.`),
            })
            .strict(),
        )
        .min(1, 'Choose at least one file.')
        .max(MAX_IMPORT_BATCH_FILES, `At most ${MAX_IMPORT_BATCH_FILES} files at once.`),
    })
    .strict(),
  'sources.importAddresses': z
    .object({
      addresses: z
        .array(z.string().trim().min(1, 'An address is empty.').max(MAX_ADDRESS_CHARS, `An address may be at most ${MAX_ADDRESS_CHARS} characters.`))
        .min(1, 'Type or paste at least one address.')
        .max(MAX_IMPORT_ADDRESSES, `At most ${MAX_IMPORT_ADDRESSES} addresses at once.`),
    })
    .strict(),
  'sources.importZotero': z
    .object({
      keys: z
        .array(z.string().regex(ZOTERO_KEY_PATTERN, 'A Zotero item key is eight capital letters and digits.'))
        .min(1, 'Choose at least one item.')
        .max(MAX_ZOTERO_IMPORT_ITEMS, `At most ${MAX_ZOTERO_IMPORT_ITEMS} items at once.`),
    })
    .strict(),
  'sources.cancelImport': z.object({ batchId: id }).strict(),
  'sources.updateRecord': z
    .object({
      id,
      csl: cslItem,
      /** Where named fields came from (a reference file, a lookup); other changed fields are the analyst's entry. */
      origins: z.record(cslFieldName, fieldOrigin).refine((o) => Object.keys(o).length <= 200, 'At most 200 fields at once.').optional(),
    })
    .strict(),
  'sources.lookup': z
    .object({ id, identifier: z.string().trim().min(1, 'Type a DOI, PMID, arXiv id or ISBN.').max(500, 'An identifier may be at most 500 characters.'), kind: z.enum(IDENTIFIER_KINDS).optional() })
    .strict(),
  'sources.acceptLookup': z
    .object({ id, lookupId: id, fields: z.array(cslFieldName).min(1, 'Choose at least one field to accept.').max(200) })
    .strict(),
  'sources.confirmFields': z
    .object({ id, fields: z.array(cslFieldName).min(1, 'Name at least one field to confirm.').max(200) })
    .strict(),
  'sources.removeImpact': z.object({ id }).strict(),
  'sources.remove': z.object({ id }).strict(),
  'sources.original': z.object({ id }).strict(),
  // The Original view reads a file in bounded pieces (pdf.js asks for the ranges it needs), so a 100 MB PDF
  // never crosses the door in one message.
  'sources.originalRange': z
    .object({
      id,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(MAX_ORIGINAL_RANGE_BYTES, `A piece of an original may be at most ${MAX_ORIGINAL_RANGE_BYTES / MB} MB.`),
    })
    .strict(),
  // Where OCR's words sit on one scanned page (an empty list for a page that had its own text).
  'sources.ocrWords': z.object({ id, page: z.number().int().min(1).max(MAX_PDF_PAGE, `A PDF has at most ${MAX_PDF_PAGE.toLocaleString('en-GB')} pages here.`) }).strict(),
  // A saved page or .docx laid out for the Original view, sanitised in a parser process.
  'sources.originalView': z.object({ id }).strict(),
  'sources.search': z
    .object({ query: z.string().max(MAX_SEARCH_QUERY_CHARS, `A search may be at most ${MAX_SEARCH_QUERY_CHARS} characters.`), limit: z.number().int().min(1).max(200).default(50) })
    .strict(),
  'sources.importNewVersion': z
    .object({ id, file: fileHandle })
    .strict(),
  'sources.parseRecords': z
    .object({ text: z.string().max(MAX_REFERENCE_FILE_BYTES, `A reference file may be at most ${MAX_REFERENCE_FILE_BYTES / MB} MB.`) })
    .strict(),
  /** Check sources: asks Crossref about the sources a brief cites (or, without a brief, every source). */
  'sources.checkOnline': z.object({ briefId: id.optional() }).strict(),
  /** Take a page Check sources fetched again as the source's new version (its claims re-anchored), or keep the snapshot. */
  'sources.takeFetchedPage': z.object({ id, checkId: id }).strict(),
  'sources.keepSnapshot': z.object({ id, checkId: id }).strict(),
}

export interface SourcesResults {
  'sources.list': SourceSummary[]
  'sources.get': SourceDetail
  'sources.import': ImportStarted
  'sources.importData': ImportStarted
  'sources.importAddresses': ImportStarted
  'sources.importZotero': ImportStarted
  'sources.cancelImport': { cancelled: boolean }
  'sources.updateRecord': SourceDetail
  'sources.lookup': LookupResult
  'sources.acceptLookup': SourceDetail
  'sources.confirmFields': SourceDetail
  'sources.removeImpact': RemoveImpact
  'sources.remove': { orphanedClaims: number }
  'sources.original': OriginalFile
  'sources.originalRange': OriginalRange
  'sources.ocrWords': OcrPageWords
  'sources.originalView': OriginalView
  'sources.search': SourceSearchHit[]
  'sources.importNewVersion': NewVersionResult
  'sources.parseRecords': ReferenceFileReading
  'sources.checkOnline': OnlineCheckReport
  'sources.takeFetchedPage': NewVersionResult
  'sources.keepSnapshot': { kept: boolean }
}
