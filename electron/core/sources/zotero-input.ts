import type { CslItem } from '../../shared/dto/csl'
import type { RecordProvenance } from '../../shared/dto/provenance'
import { readAttachmentFile } from '../net/zotero/attachment-file'
import { bestAttachment } from '../net/zotero/items'
import { attachmentsOf, cslRecordOf } from '../net/zotero/library'
import { cleanCslRecord } from './csl-clean'
import type { ImportInput } from './import-batch'

const FROM_ZOTERO = { kind: 'lookup', detail: 'Zotero' } as const

/** A snapshot or PDF named without its extension still needs one: the format is read from the file name. */
function withExtension(fileName: string, contentType: string): string {
  if (contentType === 'application/pdf') return /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`
  return /\.x?html?$/i.test(fileName) ? fileName : `${fileName}.html`
}

/**
 * One item of the analyst's Zotero library in an import batch: its record as Zotero makes it in CSL-JSON
 * (every field "from Zotero"), and its PDF or snapshot from Zotero's storage folder, parsed in a parser
 * process like any file. An item with no such file comes in as a reference alone.
 */
export function inputFromZotero(key: string): ImportInput {
  return {
    fileName: `Zotero item ${key}`,
    async load(signal) {
      const request = { signal }
      const notes = { dropped: new Set<string>(), cut: 0 }
      const { id: _zoteroId, ...fields } = cleanCslRecord(await cslRecordOf(key, request), key, notes)
      void _zoteroId
      const csl: Partial<CslItem> = fields
      const provenance: RecordProvenance = Object.fromEntries(Object.keys(csl).map((field) => [field, FROM_ZOTERO]))
      const attachment = bestAttachment(await attachmentsOf(key, request))
      if (!attachment) return { bytes: new Uint8Array(), referenceOnly: true, record: { csl, provenance } }
      const file = await readAttachmentFile(attachment.key, request)
      return {
        bytes: file.bytes,
        fileName: withExtension(file.fileName, attachment.contentType),
        parse: { baseUrl: typeof csl.URL === 'string' && /^https?:/.test(csl.URL) ? csl.URL : undefined, requireArticle: false },
        record: { csl, provenance },
      }
    },
  }
}
