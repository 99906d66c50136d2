import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

export interface ImportFilesDetail {
  files: File[]
}

/**
 * A part of the page that takes file drops itself (the brief) hands the files to import with this, instead of
 * letting the drop fall through to the window: one deliberate import, never two.
 */
export const IMPORT_FILES_EVENT = defineWindowEvent<ImportFilesDetail>('evident:import-files')

export function requestImport(files: File[]): void {
  emitWindowEvent(IMPORT_FILES_EVENT, { files })
}
