import type { EvidentApi } from '@shared/api'
import type { ImportSummary } from '@shared/dto/sources'
import { MAX_IMPORT_FILE_BYTES } from '@shared/limits'
import { toEvidentError } from '../../api/errors'

export type Failure = ImportSummary['failed'][number]

export interface Prepared {
  handles: string[]
  failed: Failure[]
}

const MB = 1024 * 1024

/**
 * Dropped or chosen files become read handles through the door (Electron finds each on the computer, browser
 * mode uploads it). Files over the size limit are refused here, before anything is read or sent.
 */
export async function prepareFiles(api: EvidentApi, files: File[]): Promise<Prepared> {
  const failed: Failure[] = []
  const handles: string[] = []
  for (const file of files) {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      failed.push({ fileName: file.name, code: 'FILE_TOO_LARGE', message: `This file is larger than ${MAX_IMPORT_FILE_BYTES / MB} MB.` })
      continue
    }
    try {
      handles.push((await api.handleForFile(file)).handle)
    } catch (error) {
      const failure = toEvidentError(error)
      failed.push({ fileName: file.name, code: failure.code, message: failure.message })
    }
  }
  return { handles, failed }
}
