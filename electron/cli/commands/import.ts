import { resolve } from 'node:path'
import type { ImportProgress, ImportSummary, ReferenceImport } from '../../shared/dto/sources'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CliIo } from '../command'
import { plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'
import { describeOcr } from '../../shared/ocr-reading'

/** What to import: files by path, addresses to fetch, or items of the analyst's Zotero library by key. */
export type ImportRequest = { paths: string[] } | { addresses: string[] } | { keys: string[] }

/**
 * Runs the core's own import (runImportBatch, one transaction per file) and waits for its summary, so the
 * CLI imports exactly as the app does and returns only when the batch is finished.
 */
export function importAndWait(project: OpenProject, request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportSummary> {
  return new Promise((resolvePromise, reject) => {
    let batchId: string | null = null
    const finished = new Map<string, ImportSummary>()
    const settle = (summary: ImportSummary) => {
      unsubscribe()
      resolvePromise(summary)
    }
    const unsubscribe = project.events.subscribe((event, payload) => {
      // A listener that threw would stop the batch itself, so progress output must never throw.
      try {
        if (event === 'import.progress') onProgress(payload as ImportProgress)
      } catch {
        /* progress is only informative */
      }
      if (event !== 'import.done') return
      const summary = payload as ImportSummary
      if (batchId === summary.batchId) settle(summary)
      else finished.set(summary.batchId, summary)
    })
    // The command line is trusted with paths: it gives the core handles for them, as a window's picker does.
    const start =
      'paths' in request
        ? project.call('sources.import', { files: request.paths.map((path) => project.files.forReading(path).handle) })
        : 'keys' in request
          ? project.call('sources.importZotero', request)
          : project.call('sources.importAddresses', request)
    start.then(
      (started) => {
        batchId = started.batchId
        const early = finished.get(batchId)
        if (early) settle(early)
      },
      (error: unknown) => {
        unsubscribe()
        reject(error)
      },
    )
  })
}

/** A path as a POSIX shell reads it back, for a command line the analyst can copy. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`
}

function printSummary(io: CliIo, summary: ImportSummary, project: string): void {
  const { imported, duplicates, failed } = summary
  const references = summary.references ?? []
  const fromReferences = new Set(references.map((r) => r.fileName))
  io.out(`${imported.length} imported, ${plural(duplicates.length, 'duplicate')} skipped, ${failed.length} failed.`)
  for (const r of references) printReferenceImport(io, r)
  for (const item of imported) {
    if (fromReferences.has(item.fileName)) {
      io.out(`  reference ${item.fileName}: “${item.title}” (reference only, no text yet)`)
      continue
    }
    io.out(`  imported  ${item.fileName}: “${item.title}”`)
    if (item.ocr) io.out(`            ${describeOcr(item.ocr)}`)
    if (item.doi) io.out(`            DOI ${item.doi}: evident lookup --source ${item.sourceId} --doi ${item.doi} fills its record from Crossref`)
  }
  for (const item of duplicates) io.out(`  skipped   ${item.fileName}: already in the project as “${item.existingTitle}”`)
  for (const item of summary.inTrash ?? []) {
    io.out(`  in Trash  ${item.fileName}: “${item.title}” is in the Trash (${item.detail}); not imported again.`)
    io.out(`            evident trash restore --project ${shellWord(project)} ${item.trashId} brings it back with its claims`)
  }
  for (const item of failed) io.out(`  failed    ${item.fileName}: ${item.message}`)
}

/** "refs.bib: 512 entries found, 512 read (510 new sources, 2 records updated), 0 skipped", then each skipped one. */
function printReferenceImport(io: CliIo, r: ReferenceImport): void {
  const { reading } = r
  io.out(
    `  ${r.fileName}: ${reading.format}, ${plural(reading.read, 'entry', 'entries')} found, ${r.created.length + r.updated.length} read ` +
      `(${plural(r.created.length, 'new source')} known by reference only, ${plural(r.updated.length, 'record')} of existing sources updated), ${reading.skipped.length} skipped`,
  )
  for (const s of reading.skipped) io.out(`    skipped ${s.key}${s.line !== undefined ? ` (line ${s.line})` : ''}: ${s.reason}`)
  for (const s of reading.repaired) io.out(`    mended  ${s.key}${s.line !== undefined ? ` (line ${s.line})` : ''}: ${s.reason}`)
  if (reading.droppedFields.length) io.out(`    fields CSL does not define, left out: ${reading.droppedFields.join(', ')}`)
  if (reading.cutFields) io.out(`    ${plural(reading.cutFields, 'value')} shortened to Evident's limits`)
  for (const u of r.updated) io.out(`    updated “${u.title}” (matched by ${u.matchedBy === 'doi' ? 'DOI' : 'title and year'})`)
}

export const importCommand: CliCommand = {
  name: 'import',
  summary:
    'Import files (.txt, .md, .html, .docx, .pdf; .bib, .ris and CSL-JSON .json reference files), web pages and documents by address (--url), or items of your running Zotero library by item key with their PDF or snapshot (--zotero), into a project; duplicates are skipped.',
  usage: 'evident import --project FILE PATH... [--json]  or  evident import --project FILE --url URL... [--json]  or  evident import --project FILE --zotero KEY... [--json]',
  options: { project: projectOption, json: jsonOption, url: { type: 'string', multiple: true }, zotero: { type: 'string', multiple: true } },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, label: 'at least one file to import' },
  async run(input, io, env) {
    const path = requireProject(input, 'import')
    const json = wantsJson(input)
    // `--url A B C`: once --url is given, every word is an address (files and addresses are separate imports).
    const urls = (input.values.url as string[] | undefined) ?? []
    const zotero = (input.values.zotero as string[] | undefined) ?? []
    if (urls.length && zotero.length) throw new UsageError('"import" takes addresses (--url) or Zotero items (--zotero), not both at once.')
    const addresses = urls.length ? [...urls, ...input.positionals] : []
    const keys = zotero.length ? [...zotero, ...input.positionals].map((k) => k.trim().toUpperCase()) : []
    if (!addresses.length && !keys.length && !input.positionals.length) throw new UsageError('"import" needs at least one file to import, or --url ADDRESS, or --zotero KEY.')
    const request: ImportRequest = keys.length ? { keys } : addresses.length ? { addresses } : { paths: input.positionals.map((p) => resolve(p)) }
    const what = keys.length ? 'item' : addresses.length ? 'address' : 'file'
    const summary = await withProject(env, path, { create: false }, (project) =>
      importAndWait(project, request, (p) => {
        if (!json) io.err(`${what} ${p.index} of ${p.total}: ${p.fileName}`)
      }),
    )
    if (json) printJson(io, summary)
    else printSummary(io, summary, path)
    if (summary.failed.length === 0) return 0
    const failedCount = what === 'address' ? plural(summary.failed.length, 'address', 'addresses') : plural(summary.failed.length, what === 'item' ? 'Zotero item' : 'file')
    if (!json) io.err(`evident: ${failedCount} could not be imported (see above).`)
    return 1
  },
}
