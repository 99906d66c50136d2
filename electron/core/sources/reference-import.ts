import type { FieldOrigin, RecordProvenance } from '../../shared/dto/provenance'
import type { ReferenceImport } from '../../shared/dto/sources'
import { MAX_REFERENCE_FILE_BYTES } from '../../shared/limits'
import { AppError } from '../errors'
import { parseReferenceRecords } from './references'
import type { SourceRepository } from './repository'

const MB = 1024 * 1024

/** Every field of a record said to come from the reference file. */
function fromFile(fields: string[], origin: FieldOrigin): RecordProvenance {
  return Object.fromEntries(fields.filter((f) => f !== 'id').map((field) => [field, { ...origin }]))
}

/**
 * Imports a reference file in one transaction: an entry that matches a source (DOI, then title and year)
 * updates its record, as Edit record › Attach from reference file does; every other entry becomes a source
 * known only by its record. Returns the titles the updated sources now carry, for the claims that cite them.
 */
export async function importReferenceFile(
  repo: SourceRepository,
  fileName: string,
  bytes: Uint8Array,
  followTitle: (sourceId: string, title: string) => void,
): Promise<ReferenceImport> {
  if (bytes.byteLength > MAX_REFERENCE_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `“${fileName}” is ${(bytes.byteLength / MB).toFixed(0)} MB; a reference file may be at most ${MAX_REFERENCE_FILE_BYTES / MB} MB.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('UNSUPPORTED_FORMAT', `“${fileName}” is not text (UTF-8), so it is not a reference file Evident can read.`)
  }
  const { records, ...reading } = await parseReferenceRecords(text, repo.allRecords())
  const origin: FieldOrigin = { kind: 'reference-file', detail: fileName.slice(0, 300) }
  const result: ReferenceImport = { fileName, reading, created: [], updated: [] }
  repo.inTransaction(() => {
    const matched = new Set<string>()
    for (const record of records) {
      // Two entries matching one source: the first updates it, the next becomes a source of its own.
      if (record.sourceId && record.matchedBy && !matched.has(record.sourceId)) {
        matched.add(record.sourceId)
        const title = repo.updateRecord(record.sourceId, { ...record.item, id: record.sourceId }, fromFile(Object.keys(record.item), origin))
        followTitle(record.sourceId, title)
        result.updated.push({ sourceId: record.sourceId, title, matchedBy: record.matchedBy })
      } else {
        const created = repo.insertReferenceOnly({ csl: record.item, provenance: fromFile(Object.keys(record.item), origin), fileName })
        result.created.push({ sourceId: created.id, title: created.title })
      }
    }
  })
  return result
}

/** The extensions Import… treats as reference files rather than documents. */
export const REFERENCE_EXTENSIONS = ['.bib', '.ris', '.json'] as const

export function isReferenceFile(fileName: string): boolean {
  const lower = fileName.toLowerCase()
  return REFERENCE_EXTENSIONS.some((ext) => lower.endsWith(ext))
}
