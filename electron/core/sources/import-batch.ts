import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { ImportProgress, ImportSummary } from '../../shared/dto/sources'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { AppError, toErrorPayload } from '../errors'
import { newId } from '../ids'
import { extractDocument } from './extract'
import type { SourceRepository } from './repository'

/** One file of a batch: a name to report and a way to read it when its turn comes. */
export interface ImportInput {
  fileName: string
  load(): Promise<Uint8Array>
}

const MB = 1024 * 1024

export function inputFromPath(path: string): ImportInput {
  const fileName = basename(path)
  return {
    fileName,
    async load() {
      let size: number
      try {
        const info = await stat(path)
        if (!info.isFile()) throw new AppError('UNSUPPORTED_FORMAT', `“${fileName}” is not a file.`)
        size = info.size
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('NOT_FOUND', `“${fileName}” is no longer there: it was moved or deleted before it could be imported.`)
      }
      if (size > MAX_IMPORT_FILE_BYTES) {
        throw new AppError('FILE_TOO_LARGE', `“${fileName}” is ${(size / MB).toFixed(0)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / MB} MB.`)
      }
      try {
        return new Uint8Array(await readFile(path))
      } catch {
        throw new AppError('IO_ERROR', `“${fileName}” could not be read: it may have been moved or you may not have permission.`)
      }
    },
  }
}

export function inputFromBase64(fileName: string, dataBase64: string): ImportInput {
  return { fileName, load: async () => new Uint8Array(Buffer.from(dataBase64, 'base64')) }
}

export interface BatchOptions {
  batchId?: string
  signal?: AbortSignal
  onProgress?(progress: ImportProgress): void
}

/**
 * Imports files one at a time. Each file is all-or-nothing (one transaction); a failure is reported and
 * the batch goes on. The batch runs in the process that also answers the window (IPC, progress events,
 * other requests), so it yields to the event loop between files and between the heavy steps of each file
 * (reading, hashing, extracting, storing): no one turn of the loop does more than one of them. Extractors
 * yield inside as well where they can (a PDF yields after every page).
 */
export async function runImportBatch(repo: SourceRepository, inputs: ImportInput[], options: BatchOptions = {}): Promise<ImportSummary> {
  const batchId = options.batchId ?? newId()
  const summary: ImportSummary = { batchId, imported: [], duplicates: [], failed: [], cancelled: false }
  for (const [i, input] of inputs.entries()) {
    if (options.signal?.aborted) {
      summary.cancelled = true
      break
    }
    options.onProgress?.({ batchId, index: i + 1, total: inputs.length, fileName: input.fileName })
    await yieldToEventLoop()
    try {
      const bytes = await input.load()
      await yieldToEventLoop()
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const existing = repo.findByHash(sha256)
      if (existing) {
        summary.duplicates.push({ fileName: input.fileName, existingSourceId: existing.id, existingTitle: existing.title })
        continue
      }
      await yieldToEventLoop()
      const document = await extractDocument(input.fileName, bytes)
      await yieldToEventLoop()
      const inserted = repo.insert({ fileName: input.fileName, bytes, sha256, document })
      summary.imported.push({ sourceId: inserted.id, fileName: input.fileName, title: inserted.title })
    } catch (error) {
      const payload = toErrorPayload(error)
      const message = payload.code === 'INTERNAL' ? `“${input.fileName}” could not be imported: ${(error as Error).message}` : payload.message
      summary.failed.push({ fileName: input.fileName, code: payload.code, message })
    }
  }
  return summary
}
