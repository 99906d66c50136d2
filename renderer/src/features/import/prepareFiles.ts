import type { ImportFileData, ImportSummary } from '../../../../electron/shared/dto/sources'
import { MAX_IMPORT_FILE_BYTES } from '../../../../electron/shared/limits'
import { desktopPathOf } from '../../api/client'
import { readAsBase64 } from '../../ui/files'

export type Failure = ImportSummary['failed'][number]

export type Prepared =
  | { kind: 'paths'; paths: string[]; failed: Failure[] }
  | { kind: 'data'; files: ImportFileData[]; failed: Failure[] }

const MB = 1024 * 1024

/**
 * In Electron a desktop file has a path and the core reads it itself; in a browser the bytes travel as
 * base64. Files over the size limit are refused here, before anything is read or sent.
 */
export async function prepareFiles(files: File[]): Promise<Prepared> {
  const failed: Failure[] = []
  const fitting = files.filter((file) => {
    if (file.size <= MAX_IMPORT_FILE_BYTES) return true
    failed.push({ fileName: file.name, code: 'FILE_TOO_LARGE', message: `This file is larger than ${MAX_IMPORT_FILE_BYTES / MB} MB.` })
    return false
  })
  const paths = fitting.map(desktopPathOf)
  if (fitting.length > 0 && paths.every(Boolean)) return { kind: 'paths', paths, failed }

  const data: ImportFileData[] = []
  for (const file of fitting) {
    try {
      data.push({ name: file.name, dataBase64: await readAsBase64(file) })
    } catch {
      failed.push({ fileName: file.name, code: 'IO_ERROR', message: 'The file could not be read.' })
    }
  }
  return { kind: 'data', files: data, failed }
}
