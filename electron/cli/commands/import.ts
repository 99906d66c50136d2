import { resolve } from 'node:path'
import type { ImportProgress, ImportSummary } from '../../shared/dto/sources'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CliIo } from '../command'
import { plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'

/** What to import: files by path, or addresses to fetch. */
export type ImportRequest = { paths: string[] } | { addresses: string[] }

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
    const start = 'paths' in request ? project.call('sources.import', request) : project.call('sources.importAddresses', request)
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

function printSummary(io: CliIo, summary: ImportSummary): void {
  const { imported, duplicates, failed } = summary
  io.out(`${imported.length} imported, ${plural(duplicates.length, 'duplicate')} skipped, ${failed.length} failed.`)
  for (const item of imported) {
    io.out(`  imported  ${item.fileName}: “${item.title}”`)
    if (item.doi) io.out(`            DOI ${item.doi}: evident lookup --source ${item.sourceId} --doi ${item.doi} fills its record from Crossref`)
  }
  for (const item of duplicates) io.out(`  skipped   ${item.fileName}: already in the project as “${item.existingTitle}”`)
  for (const item of failed) io.out(`  failed    ${item.fileName}: ${item.message}`)
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import files (.txt, .md, .html, .docx, .pdf), or web pages and documents by address (--url), into a project; duplicates are skipped.',
  usage: 'evident import --project FILE PATH... [--json]  or  evident import --project FILE --url URL... [--json]',
  options: { project: projectOption, json: jsonOption, url: { type: 'string', multiple: true } },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, label: 'at least one file to import' },
  async run(input, io, env) {
    const path = requireProject(input, 'import')
    const json = wantsJson(input)
    // `--url A B C`: once --url is given, every word is an address (files and addresses are separate imports).
    const urls = (input.values.url as string[] | undefined) ?? []
    const addresses = urls.length ? [...urls, ...input.positionals] : []
    if (!addresses.length && !input.positionals.length) throw new UsageError('"import" needs at least one file to import, or --url ADDRESS.')
    const request: ImportRequest = addresses.length ? { addresses } : { paths: input.positionals.map((p) => resolve(p)) }
    const what = addresses.length ? 'address' : 'file'
    const summary = await withProject(env, path, { create: false }, (project) =>
      importAndWait(project, request, (p) => {
        if (!json) io.err(`${what} ${p.index} of ${p.total}: ${p.fileName}`)
      }),
    )
    if (json) printJson(io, summary)
    else printSummary(io, summary)
    if (summary.failed.length === 0) return 0
    if (!json) io.err(`evident: ${what === 'address' ? plural(summary.failed.length, 'address', 'addresses') : plural(summary.failed.length, 'file')} could not be imported (see above).`)
    return 1
  },
}
