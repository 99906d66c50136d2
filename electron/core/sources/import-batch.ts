import { createHash } from 'node:crypto'
import { lstat, readFile, readlink, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { CslItem } from '../../shared/dto/csl'
import type { RecordProvenance } from '../../shared/dto/provenance'
import type { ImportProgress, ImportSummary, ReferenceImport, WebSnapshot } from '../../shared/dto/sources'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { AppError, toErrorPayload } from '../errors'
import { newId } from '../ids'
import type { DocumentParser, ParseOptions } from './parse/parser'
import { importReferenceFile, isReferenceFile } from './reference-import'
import type { SourceRepository } from './repository'

/** One file of a batch: a name to report (a file name, or the address) and a way to read it when its turn comes. */
export interface ImportInput {
  fileName: string
  load(signal?: AbortSignal): Promise<LoadedFile>
}

/** What loading gave: the bytes, and for a fetched page what the fetch told us about it. */
export interface LoadedFile {
  bytes: Uint8Array
  /** The name the format is read from, when it is not the label (a fetched PDF is "report.pdf"). */
  fileName?: string
  parse?: Pick<ParseOptions, 'baseUrl' | 'requireArticle'>
  web?: WebSnapshot
  /** Fields the document's own metadata may override (a page's address and the day it was read), and their origin. */
  recordDefaults?: { fields: Partial<CslItem>; provenance: RecordProvenance }
  /** A record that wins over the document's own metadata (an item from Zotero), with its fields' origin. */
  record?: { csl: Partial<CslItem>; provenance: RecordProvenance }
  /** There is no document, only `record`: the source is known by reference alone (no bytes are read). */
  referenceOnly?: boolean
}

const MB = 1024 * 1024

/** name: what the analyst knows the file as (an upload's own name; a path's base name otherwise). */
export function inputFromPath(path: string, fileName = basename(path)): ImportInput {
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
        throw await whyUnreachable(path, fileName, error as NodeJS.ErrnoException)
      }
      if (size > MAX_IMPORT_FILE_BYTES) {
        throw new AppError('FILE_TOO_LARGE', `“${fileName}” is ${(size / MB).toFixed(0)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / MB} MB.`)
      }
      try {
        return { bytes: new Uint8Array(await readFile(path)) }
      } catch {
        throw new AppError('IO_ERROR', `“${fileName}” could not be read: it may have been moved or you may not have permission.`)
      }
    },
  }
}

/** What stands between a path and its file: nothing there, a link to nothing, a loop of links, a locked folder. */
async function whyUnreachable(path: string, fileName: string, error: NodeJS.ErrnoException): Promise<AppError> {
  if (error.code === 'ELOOP') {
    return new AppError('NOT_FOUND', `“${fileName}” is a symbolic link that leads round in a loop (it points, through other links, back to itself): there is no file at the end of it.`)
  }
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new AppError('IO_ERROR', `“${fileName}” could not be opened: you do not have permission to read it or a folder on its path.`)
  }
  if (error.code === 'ENOTDIR') return new AppError('NOT_FOUND', `“${fileName}” cannot be there: part of its path is a file, not a folder (${path}).`)
  const link = await lstat(path).catch(() => null)
  if (link?.isSymbolicLink()) {
    const target = await readlink(path).catch(() => 'somewhere')
    return new AppError('NOT_FOUND', `“${fileName}” is a symbolic link to “${target}”, which does not exist: the file it pointed to was moved or deleted.`)
  }
  return new AppError('NOT_FOUND', `“${fileName}” is no longer there: nothing exists at ${path} (it was moved or deleted, or the path is mistyped).`)
}

export function inputFromBase64(fileName: string, dataBase64: string): ImportInput {
  return { fileName, load: async () => ({ bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')) }) }
}

export interface BatchOptions {
  /** Who reads the files: the door's ParserPool (separate processes), or inProcessParser for shipped files. */
  parser: DocumentParser
  batchId?: string
  signal?: AbortSignal
  onProgress?(progress: ImportProgress): void
  /** The Trash's entry for a source with these bytes, if one is there: offered back rather than imported twice. */
  findTrashed?(sha256: string): { id: string; itemId: string; name: string; detail: string } | undefined
  /** Runs inside the transaction that stored the source; returns how many orphaned claims it re-attached. */
  afterInsert?(sourceId: string, sha256: string): number
  /** A reference file retitled a source: the claims that carry its title follow (claims are not this layer's). */
  onRecordTitle?(sourceId: string, title: string): void
}

/** Hashing 100 MB at once would hold the event loop for a quarter of a second: a slice per turn instead. */
const HASH_SLICE_BYTES = 4 * MB

export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let offset = 0; offset < bytes.byteLength; offset += HASH_SLICE_BYTES) {
    hash.update(bytes.subarray(offset, offset + HASH_SLICE_BYTES))
    if (offset + HASH_SLICE_BYTES < bytes.byteLength) await yieldToEventLoop()
  }
  return hash.digest('hex')
}

type Outcome =
  | { kind: 'imported'; entry: ImportSummary['imported'][number] }
  | { kind: 'duplicate'; entry: ImportSummary['duplicates'][number] }
  | { kind: 'trashed'; entry: NonNullable<ImportSummary['inTrash']>[number] }
  | { kind: 'failed'; entry: ImportSummary['failed'][number] }
  | { kind: 'references'; entry: ReferenceImport }
  | { kind: 'cancelled' }

/**
 * Imports a batch, reading as many files at once as the parser can (each in its own process). Each file is
 * all-or-nothing (one transaction); a failure is reported and the batch goes on. What stays in this process
 * — loading, hashing, storing — answers the window too, so it yields to the event loop between those steps;
 * the parsing itself happens elsewhere. The summary lists files in the order they were given.
 */
export async function runImportBatch(repo: SourceRepository, inputs: ImportInput[], options: BatchOptions): Promise<ImportSummary> {
  const batchId = options.batchId ?? newId()
  const outcomes: Outcome[] = []
  let next = 0
  const lane = async () => {
    while (next < inputs.length && !options.signal?.aborted) {
      const index = next++
      const input = inputs[index]!
      const progress = (detail?: string) => options.onProgress?.({ batchId, index: index + 1, total: inputs.length, fileName: input.fileName, ...(detail ? { detail } : {}) })
      progress()
      outcomes[index] = await importOne(repo, input, options, progress)
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.parser.concurrency), inputs.length) }, lane))
  const summary: ImportSummary = { batchId, imported: [], duplicates: [], failed: [], cancelled: Boolean(options.signal?.aborted) }
  for (const outcome of outcomes) {
    if (!outcome || outcome.kind === 'cancelled') summary.cancelled = true
    else if (outcome.kind === 'imported') summary.imported.push(outcome.entry)
    else if (outcome.kind === 'duplicate') summary.duplicates.push(outcome.entry)
    else if (outcome.kind === 'trashed') summary.inTrash = [...(summary.inTrash ?? []), outcome.entry]
    else if (outcome.kind === 'references') {
      summary.references = [...(summary.references ?? []), outcome.entry]
      for (const created of outcome.entry.created) summary.imported.push({ sourceId: created.sourceId, fileName: outcome.entry.fileName, title: created.title })
    }
    else summary.failed.push(outcome.entry)
  }
  return summary
}

async function importOne(repo: SourceRepository, input: ImportInput, options: BatchOptions, progress: (detail: string) => void): Promise<Outcome> {
  const { fileName } = input
  const duplicateOf = (sha256: string): Outcome | null => {
    const existing = repo.findByHash(sha256)
    return existing ? { kind: 'duplicate', entry: { fileName, existingSourceId: existing.id, existingTitle: existing.title } } : null
  }
  try {
    await yieldToEventLoop()
    const loaded = await input.load(options.signal)
    const { bytes } = loaded
    await yieldToEventLoop()
    if (isReferenceFile(loaded.fileName ?? fileName)) {
      const entry = await importReferenceFile(repo, fileName, bytes, options.onRecordTitle ?? (() => undefined))
      return { kind: 'references', entry }
    }
    if (loaded.referenceOnly && loaded.record) {
      const created = repo.insertReferenceOnly({ csl: { type: 'document', ...loaded.record.csl, id: '' }, provenance: loaded.record.provenance, fileName })
      return { kind: 'imported', entry: { sourceId: created.id, fileName, title: created.title } }
    }
    const sha256 = await sha256Of(bytes)
    const known = duplicateOf(sha256)
    if (known) return known
    const trashed = options.findTrashed?.(sha256)
    if (trashed) return { kind: 'trashed', entry: { fileName, trashId: trashed.id, sourceId: trashed.itemId, title: trashed.name, detail: trashed.detail } }
    await yieldToEventLoop()
    const parsed = await options.parser.parse({
      fileName: loaded.fileName ?? fileName,
      bytes,
      signal: options.signal,
      options: loaded.parse,
      onProgress: (ocr) => progress(`reading scanned page ${ocr.page} of ${ocr.pages} (OCR)`),
    })
    const defaults = loaded.recordDefaults
    const document = defaults
      ? {
          ...parsed,
          metadata: { ...defaults.fields, ...parsed.metadata },
          provenance: { ...Object.fromEntries(Object.entries(defaults.provenance).filter(([field]) => !(field in parsed.metadata))), ...parsed.provenance },
        }
      : parsed
    await yieldToEventLoop()
    // Another file of this batch with the same bytes may have been stored while this one was read.
    const storedMeanwhile = duplicateOf(sha256)
    if (storedMeanwhile) return storedMeanwhile
    const afterInsert = options.afterInsert
    let reattachedClaims = 0
    const inserted = repo.insert(
      { fileName: loaded.fileName ?? fileName, bytes, sha256, document, web: loaded.web, csl: loaded.record?.csl, provenance: loaded.record?.provenance },
      afterInsert && ((id) => void (reattachedClaims = afterInsert(id, sha256))),
    )
    const entry = {
      sourceId: inserted.id,
      fileName,
      title: inserted.title,
      ...(document.metadata.DOI ? { doi: document.metadata.DOI } : {}),
      ...(document.ocr ? { ocr: document.ocr } : {}),
      ...(reattachedClaims ? { reattachedClaims } : {}),
    }
    return { kind: 'imported', entry }
  } catch (error) {
    const payload = toErrorPayload(error)
    if (payload.code === 'CANCELLED' && options.signal?.aborted) return { kind: 'cancelled' }
    const message = payload.code === 'INTERNAL' ? `“${fileName}” could not be imported: ${(error as Error).message}` : payload.message
    return { kind: 'failed', entry: { fileName, code: payload.code, message } }
  }
}
