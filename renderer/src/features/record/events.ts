import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

export interface EditRecordDetail {
  sourceId: string
  /** An identifier to look up straight away (the DOI an import found in the document). */
  lookup?: string
}

/** Opens Edit record for a source from elsewhere (the import summary's "Look up DOI"). */
export const EDIT_RECORD_EVENT = defineWindowEvent<EditRecordDetail>('evident:edit-record')

export function requestEditRecord(detail: EditRecordDetail): void {
  emitWindowEvent(EDIT_RECORD_EVENT, detail)
}
